/**
 * Strings of the namespace `kbTicket`: the knowledge base on a ticket page ("Publish to
 * knowledge base" and the reply composer's articles).
 */
export default {
  publish: {
    button: 'Publish to knowledge base',
    title: 'Publish to knowledge base',
    intro:
      'A draft article is written from the subject, the description and the public replies (the solution first). Internal notes, internal files and staff-only fields are never copied. You edit the draft and publish it.',
    section: 'Section',
    sectionHint: 'Where the article will be; you can move it while editing.',
    language: 'Language',
    languageHint: "Without a choice: the requester's language, else yours.",
    languageAuto: "The requester's language",
    includeAuthors: 'Name who wrote each reply',
    create: 'Create draft',
    cancel: 'Cancel',
    created: 'Draft created: {{title}}',
    audience: { public: 'public', clients: 'clients', staff: 'staff only' },
  },
  history: { draftCreated: 'Published to the knowledge base as a draft: “{{title}}”' },
  languages: { en: 'English', ru: 'Russian', cs: 'Czech' },
  articles: {
    open: 'Articles',
    openHint: 'Knowledge-base articles for this reply',
    title: 'Knowledge-base articles',
    search: 'Search the knowledge base',
    suggested: 'Suggested for this ticket',
    results: 'Search results',
    none: 'No matching published articles.',
    internal: 'Internal',
    internalHint: 'The requester cannot open this article',
    insertLink: 'Insert link',
    insertText: 'Insert text',
    view: 'Open {{title}}',
    noLink: 'The requester cannot open this article, so there is no link to send.',
    publicTextWarning:
      'This article is not for the requester, and this reply is public: the client will read its text. Insert it anyway?',
    insertAnyway: 'Insert anyway',
    linkInserted: 'Link inserted: {{title}}',
    textInserted: 'Text inserted: {{title}}',
  },
};
