/** NOTIFY channel on which the fan-out names a user whose in-app notifications changed. */
export const NOTIFICATIONS_CHANNEL = 'relaydesk_notifications';
