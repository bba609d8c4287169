/**
 * Strings of the knowledge-base suggestions on the new-ticket form (namespace `kbSuggestions`),
 * and of the way back to the request from a suggested article.
 */
export default {
  title: 'These articles may answer your question',
  intro: 'Opening one keeps what you have written here.',
  loading: 'Looking for articles',
  back: 'Back to my request',
  backHint: 'What you wrote is kept. If the article did not help, send the request from there.',
} as const;
