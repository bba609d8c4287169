/** Strings of the profile page (namespace `profile`). */
export default {
  phoneTitle: 'Phone and SMS',
  phone: 'Phone',
  smsOptIn: 'Send me SMS notifications at this number',
  smsOptInHint:
    'International form, such as +420601123456. Which events come by SMS is chosen under Notifications.',
  saved: 'Saved.',
  detailsTitle: 'Your details',
  email: 'E-mail',
  name: 'Name',
  nameMissing: 'Fill in your name',
  language: 'Language',
  languageHint: 'The portal and the mails we send you use it',
} as const;
