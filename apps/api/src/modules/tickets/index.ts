/**
 * The door of the tickets module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Tickets: create, edit, transitions, comments, attachments, links, satisfaction,
 * escalation, timers and the SLA sweep; the visibility rule; the ticket domain events.
 */
export { AttachmentsModule } from './attachments/attachments.module.js';
export { AttachmentsService } from './attachments/attachments.service.js';
export type { MailAttachmentInput } from './attachments/attachments.service.js';
/** The file store and its upload path, shared with the knowledge base's article files. */
export { AttachmentStorage } from './attachments/attachment-storage.js';
export { AttachmentUploadReceiver } from './attachments/attachment-upload.receiver.js';
export type { ReceivedUpload } from './attachments/attachment-upload.receiver.js';
export { sniffContentType } from './attachments/content-type-sniffer.js';
export { attachmentDisposition, sanitizeFileName } from './attachments/file-name.js';
/** One upload stored and recorded, and one download served, for other modules' file records. */
export {
  deleteFileRecord,
  INLINE_IMAGE_TYPES,
  recordFile,
  releaseStoredFiles,
  serveStoredFile,
  storeUpload,
  type FileRecordTable,
  type StoredFileContent,
  type StoredUploadFacts,
} from './attachments/stored-files.js';
export { RefDto } from './dto/ticket.dto.js';
export { Ticket } from './entities/ticket.entity.js';
export { TicketType } from './entities/ticket-type.entity.js';
export { SatisfactionModule } from './satisfaction/satisfaction.module.js';
export { RatingLinkService } from './satisfaction/rating-link.service.js';
export { isTicketVisible, ticketVisibility } from './ticket-visibility.js';
/** For modules that record their own lines about a ticket (the knowledge base's draft from it). */
export { recordTicketEvents } from './ticket-events.js';
export { TicketsModule } from './tickets.module.js';
export { TicketsService } from './tickets.service.js';
/** One ticket as the reader may see it (the service protocol prints it). */
export { TicketQueries } from './ticket-queries.js';
export type { TicketCreateOptions } from './tickets.service.js';
export { TicketCommentsService } from './ticket-comments.service.js';
export { TicketTransitionsService } from './ticket-transitions.service.js';
export { CreateTicketDto, CreateCommentDto } from './dto/ticket-input.dto.js';
export type { TicketDto, CommentDto } from './dto/ticket.dto.js';
export { SlaBreached, SlaReminderDue } from './events/sla.events.js';
export type { SlaClockName, TicketOwnership } from './events/sla.events.js';
export {
  AttachmentAdded,
  CommentAdded,
  SatisfactionRated,
  TicketAssigned,
  TicketCreated,
  TicketEscalated,
  TicketFiledAfterSuggestions,
  TicketStatusChanged,
  TicketUpdated,
} from './events/ticket.events.js';
export type { TicketFieldChange } from './events/ticket.events.js';
