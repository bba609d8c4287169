import { Initial1764000000000 } from './1764000000000-initial.js';
import { QueueIndexes1764100000000 } from './1764100000000-queue-indexes.js';
import { WorkflowEngine1764200000000 } from './1764200000000-workflow-engine.js';
import { ProjectNameIndex1764250000000 } from './1764250000000-project-name-index.js';
import { Sla1764300000000 } from './1764300000000-sla.js';
import { Assignment1764310000000 } from './1764310000000-assignment.js';
import { Deputies1764320000000 } from './1764320000000-deputies.js';
import { SearchStatusCategory1764330000000 } from './1764330000000-search-status-category.js';
import { ClientUpdatedAt1765000500000 } from './1765000500000-client-updated-at.js';
import { RateLimitCounters1765100000000 } from './1765100000000-rate-limit-counters.js';
import { IdempotencyCommittedAt1765200000000 } from './1765200000000-idempotency-committed-at.js';
import { Notifications1765300000000 } from './1765300000000-notifications.js';
import { FanOutAttempts1765320000000 } from './1765320000000-fan-out-attempts.js';
import { AccountTokens1765370000000 } from './1765370000000-account-tokens.js';
import { SearchDoneSplit1765380000000 } from './1765380000000-search-done-split.js';
import { IntakeChannels1765390000000 } from './1765390000000-intake-channels.js';
import { ApiTokens1765400000000 } from './1765400000000-api-tokens.js';
import { TicketChannelIndex1765400000001 } from './1765400000001-ticket-channel-index.js';
import { Webhooks1765410000000 } from './1765410000000-webhooks.js';
import { SupportMailboxes1765420000000 } from './1765420000000-support-mailboxes.js';
import { MailIngest1765430000000 } from './1765430000000-mail-ingest.js';
import { InboundAuthenticationResults1765430000001 } from './1765430000001-inbound-authentication-results.js';
import { WebForm1765440000000 } from './1765440000000-web-form.js';
import { WebFormFiles1765440000001 } from './1765440000001-web-form-files.js';
import { WebFormConfirmEveryone1765440000002 } from './1765440000002-web-form-confirm-everyone.js';
import { Alerts1765450000000 } from './1765450000000-alerts.js';
import { MailboxIngestThrows1765491500000 } from './1765491500000-mailbox-ingest-throws.js';
import { AssignmentTriggers1765500000000 } from './1765500000000-assignment-triggers.js';
import { PresetAssignmentTransitions1765500000001 } from './1765500000001-preset-assignment-transitions.js';
import { VisibilityScopes1765510000000 } from './1765510000000-visibility-scopes.js';
import { ServiceAccountScopes1765510000010 } from './1765510000010-service-account-scopes.js';
import { PaydoxQueueIndexes1765520000000 } from './1765520000000-paydox-queue-indexes.js';
import { SlaClockPauses1765530000000 } from './1765530000000-sla-clock-pauses.js';
import { InformationalCategory1765530000001 } from './1765530000001-informational-category.js';
import { SlaPauses1765530000010 } from './1765530000010-sla-pauses.js';
import { RefreshTokenSuccessor1765545000000 } from './1765545000000-refresh-token-successor.js';
import { KnowledgeBase1765600000000 } from './1765600000000-knowledge-base.js';
import { CannedResponses1765610000000 } from './1765610000000-canned-responses.js';
import { NameVersions1765620000000 } from './1765620000000-name-versions.js';
import { KbReviewQueue1765710000000 } from './1765710000000-kb-review-queue.js';
import { KbPopularIndex1765720000000 } from './1765720000000-kb-popular-index.js';
import { KbSuggestionSessions1765740000000 } from './1765740000000-kb-suggestion-sessions.js';
import { KbAutoAnswer1765750000000 } from './1765750000000-kb-auto-answer.js';
import { KbArticleAttachments1765760000000 } from './1765760000000-kb-article-attachments.js';
import { Contracts1765800000000 } from './1765800000000-contracts.js';
import { TicketLinks1765810000000 } from './1765810000000-ticket-links.js';
import { AuthorizedRequestersMove1765820000000 } from './1765820000000-authorized-requesters-move.js';
import { ContactObjectAccess1765820000010 } from './1765820000010-contact-object-access.js';
import { RegisterImport1765830000000 } from './1765830000000-register-import.js';
import { WorkLog1765840000000 } from './1765840000000-work-log.js';
import { PresetRequesterClose1765850000000 } from './1765850000000-preset-requester-close.js';
import { KbHeadlineConfig1765850000001 } from './1765850000001-kb-headline-config.js';
import { InstallationSettings1765880000000 } from './1765880000000-installation-settings.js';
import { SlaPolicyLinkConditions1765890000000 } from './1765890000000-sla-policy-link-conditions.js';
import { RecordFiles1765900060001 } from './1765900060001-record-files.js';

/** Migrations in order. Listed explicitly so the same list works compiled and under Jest. */
export const MIGRATIONS = [
  Initial1764000000000,
  QueueIndexes1764100000000,
  WorkflowEngine1764200000000,
  ProjectNameIndex1764250000000,
  Sla1764300000000,
  Assignment1764310000000,
  Deputies1764320000000,
  SearchStatusCategory1764330000000,
  ClientUpdatedAt1765000500000,
  RateLimitCounters1765100000000,
  IdempotencyCommittedAt1765200000000,
  Notifications1765300000000,
  FanOutAttempts1765320000000,
  AccountTokens1765370000000,
  SearchDoneSplit1765380000000,
  IntakeChannels1765390000000,
  ApiTokens1765400000000,
  TicketChannelIndex1765400000001,
  Webhooks1765410000000,
  SupportMailboxes1765420000000,
  MailIngest1765430000000,
  InboundAuthenticationResults1765430000001,
  WebForm1765440000000,
  WebFormFiles1765440000001,
  WebFormConfirmEveryone1765440000002,
  Alerts1765450000000,
  MailboxIngestThrows1765491500000,
  AssignmentTriggers1765500000000,
  PresetAssignmentTransitions1765500000001,
  VisibilityScopes1765510000000,
  ServiceAccountScopes1765510000010,
  PaydoxQueueIndexes1765520000000,
  SlaClockPauses1765530000000,
  InformationalCategory1765530000001,
  SlaPauses1765530000010,
  RefreshTokenSuccessor1765545000000,
  KnowledgeBase1765600000000,
  CannedResponses1765610000000,
  NameVersions1765620000000,
  KbReviewQueue1765710000000,
  KbPopularIndex1765720000000,
  KbSuggestionSessions1765740000000,
  KbAutoAnswer1765750000000,
  KbArticleAttachments1765760000000,
  Contracts1765800000000,
  TicketLinks1765810000000,
  AuthorizedRequestersMove1765820000000,
  ContactObjectAccess1765820000010,
  WorkLog1765840000000,
  PresetRequesterClose1765850000000,
  KbHeadlineConfig1765850000001,
  RegisterImport1765830000000,
  InstallationSettings1765880000000,
  SlaPolicyLinkConditions1765890000000,
  RecordFiles1765900060001,
];
