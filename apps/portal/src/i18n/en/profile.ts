/** Strings of the profile page (namespace `profile`). */
export default {
  phoneTitle: 'Phone and SMS',
  phone: 'Phone',
  smsOptIn: 'Send me SMS notifications at this number',
  smsOptInHint:
    'International form, such as +420601123456. Which events come by SMS is chosen under Notifications.',
  saved: 'Saved.',
} as const;
