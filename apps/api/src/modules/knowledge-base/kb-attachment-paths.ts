/**
 * Where an article's file is read. Markdown refers to the signed-in path; the public KB's readers
 * have no session, so their copy of the body points at the public path instead (the download
 * routes apply THE audience rule either way).
 */
export const kbAttachmentPath = (articleId: string, attachmentId: string) =>
  `/api/v1/kb/articles/${articleId}/attachments/${attachmentId}`;

export const kbPublicAttachmentPath = (articleId: string, attachmentId: string) =>
  `/api/v1/public/kb/articles/${articleId}/attachments/${attachmentId}`;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const SIGNED_IN_FILE = new RegExp(`^/api/v1/kb/articles/(${UUID})/attachments/(${UUID})$`);

/** The public path for an article file's signed-in path; anything else unchanged. */
export function toPublicAttachmentPath(url: string): string {
  const m = SIGNED_IN_FILE.exec(url);
  return m ? kbPublicAttachmentPath(m[1].toLowerCase(), m[2].toLowerCase()) : url;
}
