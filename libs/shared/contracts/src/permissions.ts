import type { Role } from './roles.js';

/**
 * Permissions are what endpoints declare; roles only map to them here, so a UI can ask
 * "may I?" with the same names the API enforces.
 */
export const Permission = {
  TicketsCreate: 'tickets.create',
  TicketsRead: 'tickets.read',
  TicketsUpdate: 'tickets.update',
  /** Change the custom fields a ticket's type lets clients edit, on tickets they see. */
  TicketsEditClientFields: 'tickets.edit-client-fields',
  TicketsTake: 'tickets.take',
  TicketsAssign: 'tickets.assign',
  /**
   * Hand a ticket of a project one manages to a member of that project (Pythagoras), for staff
   * whose role has no tickets.assign: checked against the ticket's project, not the role alone.
   */
  TicketsHandOver: 'tickets.hand-over',
  TicketsCommentInternal: 'tickets.comment-internal',
  TicketsViewByUser: 'tickets.view-by-user',
  DirectoryRead: 'directory.read',
  OrganizationsManage: 'organizations.manage',
  ClientUsersManage: 'client-users.manage',
  UsersManage: 'users.manage',
  DepartmentsManage: 'departments.manage',
  GroupsManage: 'groups.manage',
  /**
   * Read workflow definitions (staff). Clients get what they need from their tickets instead:
   * the status name on the ticket, and the transitions they may make from its transitions list.
   */
  WorkflowsRead: 'workflows.read',
  /** Workflows (statuses, transitions, timers) and their presets: admin only. */
  WorkflowsManage: 'workflows.manage',
  TicketTypesManage: 'ticket-types.manage',
  CategoriesManage: 'categories.manage',
  ProjectsManage: 'projects.manage',
  /** Issue a signed link that lets a ticket's requester rate it without logging in. */
  RatingLinksCreate: 'rating-links.create',
  ReportsView: 'reports.view',
  /** Assignment rules (conditions -> group, agent, priority, support level): admin only. */
  AssignmentRulesManage: 'assignment-rules.manage',
  /** Escalate a ticket to the next support level (staff). */
  TicketsEscalate: 'tickets.escalate',
  /** Business-hours calendars and SLA policies: admin only. */
  SlaManage: 'sla.manage',
  /** Name one's own deputies (staff): they work one's tickets for a period. */
  DeputiesOwn: 'deputies.own',
  /** Manage anyone's deputies. */
  DeputiesManage: 'deputies.manage',
  /** The installation's default notification preferences (per kind and channel): admin only. */
  NotificationDefaultsManage: 'notification-defaults.manage',
  /** The mail settings in force and the outbox of every ticket (failed, suppressed): admin only. */
  MailManage: 'mail.manage',
  /** Webhook endpoints, their secrets and delivery log: admin only. */
  WebhooksManage: 'webhooks.manage',
  /** Service accounts and their API tokens: admin only. */
  ServiceAccountsManage: 'service-accounts.manage',
  /** The public web form's settings (types offered, embedding origins, throttles): admin only. */
  WebFormManage: 'web-form.manage',
  /** Alert rules (how monitoring alerts become tickets): admin only. */
  AlertRulesManage: 'alert-rules.manage',
  /** Held inbound mail (unknown senders, rate limit, foreign threads): accept or discard. */
  MailQuarantineManage: 'mail-quarantine.manage',
  /** Use canned responses and keep one's own and one's groups' (staff). */
  CannedResponsesUse: 'canned-responses.use',
  /** Global canned responses, and every group's: admin only. */
  CannedResponsesManage: 'canned-responses.manage',
  /** Write knowledge-base articles: create, edit, publish, archive, restore, link tickets (staff). */
  KbEdit: 'kb.edit',
  /** Knowledge-base sections (tree, audiences) and the public-KB setting. */
  KbManage: 'kb.manage',
  /** Contracts, service objects, equipment and authorized requesters (staff read them all). */
  ContractsManage: 'contracts.manage',
  /** Log work on tickets (entries, the timer) and read the work report (staff). */
  WorkLogWrite: 'work-log.write',
  /** The price list (billing items) and the work log's settings: admin only. */
  WorkLogManage: 'work-log.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const ALL = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  dispatcher: [
    Permission.TicketsCreate,
    Permission.TicketsRead,
    Permission.TicketsUpdate,
    Permission.TicketsTake,
    Permission.TicketsAssign,
    Permission.TicketsEscalate,
    Permission.TicketsCommentInternal,
    Permission.TicketsViewByUser,
    Permission.DirectoryRead,
    Permission.WorkflowsRead,
    Permission.OrganizationsManage,
    Permission.ClientUsersManage,
    Permission.CategoriesManage,
    Permission.ProjectsManage,
    Permission.RatingLinksCreate,
    Permission.ReportsView,
    Permission.DeputiesOwn,
    Permission.MailQuarantineManage,
    Permission.CannedResponsesUse,
    Permission.KbEdit,
    Permission.KbManage,
    Permission.ContractsManage,
    Permission.WorkLogWrite,
  ],
  agent: [
    Permission.TicketsCreate,
    Permission.TicketsRead,
    Permission.TicketsUpdate,
    Permission.TicketsTake,
    Permission.TicketsHandOver,
    Permission.TicketsEscalate,
    Permission.TicketsCommentInternal,
    Permission.DirectoryRead,
    Permission.WorkflowsRead,
    Permission.RatingLinksCreate,
    Permission.DeputiesOwn,
    Permission.CannedResponsesUse,
    Permission.KbEdit,
    Permission.WorkLogWrite,
  ],
  client: [Permission.TicketsCreate, Permission.TicketsRead, Permission.TicketsEditClientFields],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
