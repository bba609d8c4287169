import { Organization } from '../modules/directory/entities/organization.entity.js';
import { Department } from '../modules/directory/entities/department.entity.js';
import { Group } from '../modules/directory/entities/group.entity.js';
import { GroupMember } from '../modules/directory/entities/group-member.entity.js';
import { User } from '../modules/directory/entities/user.entity.js';
import { VisibilitySettings } from '../modules/directory/entities/visibility-settings.entity.js';
import { CannedResponse } from '../modules/canned-responses/entities/canned-response.entity.js';
import { AuthSession } from '../modules/auth/entities/auth-session.entity.js';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity.js';
import { AccountToken } from '../modules/auth/entities/account-token.entity.js';
import { ApiToken } from '../modules/auth/entities/api-token.entity.js';
import { Workflow } from '../modules/workflow/entities/workflow.entity.js';
import { WorkflowStatus } from '../modules/workflow/entities/workflow-status.entity.js';
import { WorkflowTransition } from '../modules/workflow/entities/workflow-transition.entity.js';
import { WorkflowTimer } from '../modules/workflow/entities/workflow-timer.entity.js';
import { TicketType } from '../modules/tickets/entities/ticket-type.entity.js';
import { Ticket } from '../modules/tickets/entities/ticket.entity.js';
import { TicketComment } from '../modules/tickets/entities/ticket-comment.entity.js';
import { Attachment } from '../modules/tickets/entities/attachment.entity.js';
import { TicketEvent } from '../modules/tickets/entities/ticket-event.entity.js';
import { Project } from '../modules/directory/entities/project.entity.js';
import { ProjectMember } from '../modules/directory/entities/project-member.entity.js';
import { Category } from '../modules/tickets/entities/category.entity.js';
import { TicketTypeField } from '../modules/tickets/entities/ticket-type-field.entity.js';
import { TicketLink } from '../modules/tickets/entities/ticket-link.entity.js';
import { TicketRating } from '../modules/tickets/entities/ticket-rating.entity.js';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity.js';
import { RateLimitCounter } from '../common/http/throttling/rate-limit-counter.entity.js';
import { SlaCalendar } from '../modules/sla/entities/sla-calendar.entity.js';
import { SlaPolicy } from '../modules/sla/entities/sla-policy.entity.js';
import { Notification } from '../modules/notifications/entities/notification.entity.js';
import { AssignmentRule } from '../modules/assignment/entities/assignment-rule.entity.js';
import { Deputyship } from '../modules/deputies/entities/deputyship.entity.js';
import { DeputyshipEvent } from '../modules/deputies/entities/deputyship-event.entity.js';
import { EventLogEntry } from '../common/events/event-log.entity.js';
import { Delivery } from '../modules/notifications/entities/delivery.entity.js';
import {
  NotificationDefault,
  NotificationPreference,
} from '../modules/notifications/entities/notification-preference.entity.js';
import { TicketWatcher } from '../modules/tickets/entities/ticket-watcher.entity.js';
import { ProjectWatcher } from '../modules/directory/entities/project-watcher.entity.js';
import { CalendarFeed } from '../modules/calendar-feed/entities/calendar-feed.entity.js';
import { WebhookEndpoint } from '../modules/webhooks/entities/webhook-endpoint.entity.js';
import { WebhookDelivery } from '../modules/webhooks/entities/webhook-delivery.entity.js';
import { WebhookAttempt } from '../modules/webhooks/entities/webhook-attempt.entity.js';
import { SupportMailbox } from '../modules/intake/mail-in/mailboxes/support-mailbox.entity.js';
import { MailboxIngestThrow } from '../modules/intake/mail-in/mailboxes/mailbox-ingest-throw.entity.js';
import { InboundMessage } from '../modules/intake/mail-in/ingest/entities/inbound-message.entity.js';
import { WebFormSettings } from '../modules/intake/web-form/entities/web-form-settings.entity.js';
import { WebFormSubmission } from '../modules/intake/web-form/entities/web-form-submission.entity.js';
import { WebFormFile } from '../modules/intake/web-form/entities/web-form-file.entity.js';
import { AlertRule } from '../modules/intake/alerts/entities/alert-rule.entity.js';
import { Alert } from '../modules/intake/alerts/entities/alert.entity.js';
import { KbSettings } from '../modules/knowledge-base/entities/kb-settings.entity.js';
import { KbSection } from '../modules/knowledge-base/entities/kb-section.entity.js';
import { KbSectionOrganization } from '../modules/knowledge-base/entities/kb-section-organization.entity.js';
import { KbArticle } from '../modules/knowledge-base/entities/kb-article.entity.js';
import { KbArticleRevision } from '../modules/knowledge-base/entities/kb-article-revision.entity.js';
import { KbArticleTicket } from '../modules/knowledge-base/entities/kb-article-ticket.entity.js';
import { KbArticleRating } from '../modules/knowledge-base/entities/kb-article-rating.entity.js';
import { KbArticleViewDay } from '../modules/knowledge-base/entities/kb-article-view-day.entity.js';
import { TicketKbSuggestion } from '../modules/knowledge-base/entities/ticket-kb-suggestion.entity.js';
import { KbSuggestionSession } from '../modules/knowledge-base/entities/kb-suggestion-session.entity.js';
import { KbSuggestionOpen } from '../modules/knowledge-base/entities/kb-suggestion-open.entity.js';
import { KbArticleAttachment } from '../modules/knowledge-base/entities/kb-article-attachment.entity.js';

import { Contract } from '../modules/contracts/entities/contract.entity.js';
import { ServiceObject } from '../modules/contracts/entities/service-object.entity.js';
import { EquipmentType } from '../modules/contracts/entities/equipment-type.entity.js';
import { EquipmentItem } from '../modules/contracts/entities/equipment-item.entity.js';
import { AuthorizedRequester } from '../modules/contracts/entities/authorized-requester.entity.js';
import { RequesterList } from '../modules/contracts/entities/requester-list.entity.js';
import { ContactObjectAccess } from '../modules/contracts/entities/contact-object-access.entity.js';
import { RegisterImport } from '../modules/register-import/entities/register-import.entity.js';
import { RegisterExternalId } from '../modules/register-import/entities/register-external-id.entity.js';
import { BillingItem } from '../modules/work-log/entities/billing-item.entity.js';
import { WorkEntry } from '../modules/work-log/entities/work-entry.entity.js';
import { WorkEntryChange } from '../modules/work-log/entities/work-entry-change.entity.js';
import { WorkTimer } from '../modules/work-log/entities/work-timer.entity.js';
import { WorkAllowanceWarning } from '../modules/work-log/entities/work-allowance-warning.entity.js';
import { WorkLogSettings } from '../modules/work-log/entities/work-log-settings.entity.js';
import { WorkEntryAttachment } from '../modules/work-log/entities/work-entry-attachment.entity.js';
import { ContractDocument } from '../modules/contract-documents/entities/contract-document.entity.js';
import { InstallationSettings } from '../modules/installation/entities/installation-settings.entity.js';
/** Every entity, listed once: the data source and the drift test both use this list. */
export const ENTITIES = [
  Organization,
  Department,
  Group,
  GroupMember,
  User,
  VisibilitySettings,
  CannedResponse,
  AuthSession,
  RefreshToken,
  AccountToken,
  ApiToken,
  Workflow,
  WorkflowStatus,
  WorkflowTransition,
  WorkflowTimer,
  TicketType,
  Ticket,
  TicketComment,
  Attachment,
  TicketEvent,
  Project,
  ProjectMember,
  Category,
  TicketTypeField,
  TicketLink,
  TicketRating,
  IdempotencyKey,
  RateLimitCounter,
  SlaCalendar,
  SlaPolicy,
  Notification,
  AssignmentRule,
  Deputyship,
  DeputyshipEvent,
  CalendarFeed,
  EventLogEntry,
  Delivery,
  NotificationPreference,
  NotificationDefault,
  TicketWatcher,
  ProjectWatcher,
  SupportMailbox,
  MailboxIngestThrow,
  InboundMessage,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  WebFormSettings,
  WebFormSubmission,
  WebFormFile,
  AlertRule,
  Alert,
  KbSettings,
  KbSection,
  KbSectionOrganization,
  KbArticle,
  KbArticleRevision,
  KbArticleTicket,
  KbArticleRating,
  KbArticleViewDay,
  TicketKbSuggestion,
  KbSuggestionSession,
  KbSuggestionOpen,
  KbArticleAttachment,
  Contract,
  ServiceObject,
  EquipmentType,
  EquipmentItem,
  AuthorizedRequester,
  RequesterList,
  ContactObjectAccess,
  RegisterImport,
  RegisterExternalId,
  BillingItem,
  WorkEntry,
  WorkEntryChange,
  WorkTimer,
  WorkAllowanceWarning,
  WorkLogSettings,
  WorkEntryAttachment,
  ContractDocument,
  InstallationSettings,
];
