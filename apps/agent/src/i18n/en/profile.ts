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
  password: {
    title: 'Password',
    hint: 'After the change you stay signed in here; your other sessions end.',
    current: 'Current password',
    new: 'New password',
    newHint: 'At least 8 characters',
    confirm: 'Repeat the new password',
    save: 'Change password',
    saved: 'Password changed',
    wrong: 'The current password is wrong',
    tooShort: 'At least 8 characters',
    mismatch: 'The passwords do not match',
  },
} as const;
