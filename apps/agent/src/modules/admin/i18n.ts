export const adminStrings = {
  en: { title: 'Admin' },
  ru: { title: 'Admin' },
  cs: { title: 'Admin' },
};
