/**
 * The door of the knowledge-base module: what other modules may use. Import from here, never
 * from the module's files (`npm run lint` refuses it).
 *
 * Sections, articles, revisions, search and the audience rule (issue 17).
 */
export { KnowledgeBaseModule } from './knowledge-base.module.js';
/** The read side (audience rule inside), for the composer's and the portal's suggestions. */
export { KbArticleQueries } from './kb-article-queries.js';
export { KbSearchService } from './kb-search.service.js';
/** The settings (one row): the public switch, the review interval, and what others add. */
export { KbSettingsService } from './kb-settings.service.js';
/** The view counter, whose flush tests and the bench call directly. */
export { KbViewCounter } from './kb-view-counter.js';
export { kbArticleVisibility, kbSectionVisibility, type KbReader } from './kb-audience.js';
/** The automatic answer's articles of a new ticket, for its acknowledgement mail. */
export { autoAnswerArticlesForMail } from './kb-auto-answer.service.js';
