/** What can move a ticket without a person choosing the transition. */
export const AUTO_TRANSITION_TRIGGERS = [
  /** At the ticket's postpone-until time (Okdesk "needs clarification", HappyDesk "hold"). */
  'postpone_expired',
  /** After `afterSeconds` in the status (HappyDesk: Fixed → Closed after 48 hours). */
  'after_time',
  /** When the requester adds a comment (HappyDesk: a reply to Fixed resumes work). */
  'requester_replied',
  /**
   * When the ticket gets an assignee by any means: assign, an assignment rule, group
   * distribution, escalation, a take, a handover (HappyDesk: New → In Progress).
   */
  'assigned',
  /** When a staff member takes the ticket themselves; wins over `assigned` for a take. */
  'taken',
  /**
   * When the manager of the ticket's project hands it to a member of the project (Pythagoras:
   * New → Solving); wins over `assigned` for a handover.
   */
  'handed_over',
] as const;
export type AutoTransitionTrigger = (typeof AUTO_TRANSITION_TRIGGERS)[number];

/**
 * Ticket fields a transition can require to be filled. Custom fields are named
 * `custom:<field key>`.
 */
export const TRANSITION_REQUIRABLE_FIELDS = [
  'assigneeId',
  'groupId',
  'dueAt',
  'categoryId',
  'projectId',
  'organizationId',
  'typeId',
] as const;
export type TransitionRequirableField = (typeof TRANSITION_REQUIRABLE_FIELDS)[number];
export const CUSTOM_FIELD_REF_PREFIX = 'custom:';

export const WORKFLOW_PRESET_KEYS = ['okdesk', 'happydesk', 'pythagoras'] as const;
export type WorkflowPresetKey = (typeof WORKFLOW_PRESET_KEYS)[number];
