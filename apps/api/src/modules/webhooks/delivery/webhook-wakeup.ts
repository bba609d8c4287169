/** The NOTIFY channel that wakes every instance's webhook delivery worker (sent on commit). */
export const WEBHOOKS_CHANNEL = 'relaydesk_webhooks';
