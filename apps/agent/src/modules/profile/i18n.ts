export const profileStrings = {
  en: { title: 'Profile' },
  ru: { title: 'Profile' },
  cs: { title: 'Profile' },
};
