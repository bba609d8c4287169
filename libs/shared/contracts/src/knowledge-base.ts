/**
 * Knowledge base (issue 17): who a section is for, where an article stands, its languages.
 * An article inherits the audience of its section and of every section above it.
 */
export const KB_AUDIENCES = ['public', 'clients', 'staff'] as const;
export type KbAudience = (typeof KB_AUDIENCES)[number];

/** Drafts and archived articles are staff-only whatever their section's audience. */
export const KB_ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type KbArticleStatus = (typeof KB_ARTICLE_STATUSES)[number];

export const KB_LANGUAGES = ['en', 'ru', 'cs'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

/** Orders of an article list: most recently updated first, or most viewed first. */
export const KB_ARTICLE_SORTS = ['recent', 'popular'] as const;
export type KbArticleSort = (typeof KB_ARTICLE_SORTS)[number];

/**
 * Deflection: a new-ticket form session in which the client opened suggested articles is a
 * deflection when no ticket was filed with it within this many hours after its last open.
 */
export const KB_DEFLECTION_WINDOW_HOURS = 24;
