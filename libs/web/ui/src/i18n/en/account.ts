/**
 * The account pages both SPAs share: "forgot password", setting a password from a welcome or
 * reset link, changing one's e-mail address (confirmed through a link to the new address) and
 * one's password on the profile.
 */
export default {
  backToSignIn: 'Back to sign-in',
  signIn: 'Sign in',
  email: 'E-mail',
  tooMany: 'Too many attempts. Please wait a while and try again.',
  forgot: {
    title: 'Forgot your password?',
    hint: 'Enter the e-mail address of your account. We will send you a link to set a new password.',
    submit: 'Send the link',
    sent: 'If an account uses {{email}}, a link to set a new password is on its way. It works once, for a limited time. Check your spam folder if it does not arrive.',
  },
  setPassword: {
    welcomeTitle: 'Welcome! Set your password',
    welcomeHint: 'Choose the password you will sign in with.',
    resetTitle: 'Set a new password',
    resetHint: 'Choose a new password. You will be signed out everywhere else.',
    password: 'New password',
    passwordHint: 'At least 8 characters',
    confirm: 'New password again',
    submit: 'Save password',
    tooShort: 'At least 8 characters, please',
    mismatch: 'The two passwords differ',
    done: 'Your password is set. Sign in with it now.',
    noToken:
      'This page needs the link from your e-mail. Open the link again, or ask for a new one.',
    invalid: 'This link is invalid, was already used or has expired.',
    askAgain: 'Ask for a new link',
  },
  emailChange: {
    title: 'E-mail address',
    current: 'Your address: {{email}}',
    hint: 'We send a confirmation link to the new address; the change takes effect once you open it.',
    newEmail: 'New e-mail address',
    password: 'Current password',
    submit: 'Send confirmation link',
    sent: 'We sent a link to {{email}}. Open it to confirm the change (valid until {{until}}).',
    wrongPassword: 'The password is wrong',
    same: 'This is already your address',
    taken: 'Another account uses this address',
  },
  passwordChange: {
    title: 'Password',
    hint: 'After the change you stay signed in here; your other sessions end.',
    current: 'Current password',
    new: 'New password',
    newHint: 'At least 8 characters',
    confirm: 'Repeat the new password',
    save: 'Change password',
    saved: 'Password changed',
    wrong: 'The current password is wrong',
    currentMissing: 'Enter your current password',
    tooShort: 'At least 8 characters',
    mismatch: 'The passwords do not match',
  },
  confirmEmail: {
    title: 'Confirm your new e-mail address',
    working: 'Confirming…',
    done: 'Your e-mail address is now {{email}}. Sign in with it from now on.',
    taken:
      'Another account has started using this address in the meantime. Choose another one in your profile.',
    toProfile: 'Go to your profile',
  },
} as const;
