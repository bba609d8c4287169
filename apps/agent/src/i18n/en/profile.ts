/** Strings of the namespace `profile`. */
export default {
  title: 'Profile',
  details: 'Personal details',
  email: 'E-mail',
  role: 'Role',
  name: 'Name',
  phone: 'Phone',
  smsOptIn: 'Send me SMS notifications at this number',
  smsOptInHint:
    'International form, such as +420601123456. Which events come by SMS is chosen under Notifications.',
  language: 'Language',
  languageHint: 'The language of your workspace',
  required: 'Fill this in',
  saved: 'Profile saved',
} as const;
