export const calendarStrings = {
  en: { title: 'Calendar' },
  ru: { title: 'Calendar' },
  cs: { title: 'Calendar' },
};
