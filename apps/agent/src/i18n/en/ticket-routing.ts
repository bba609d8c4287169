/**
 * Strings of routing on the ticket page (namespace `ticketRouting`): support level,
 * escalation, and the history lines of rules, automatic distribution, escalations, SLA events
 * and deputies.
 */
export default {
  level: 'Support level',
  levelValue: 'L{{level}}',
  noLevel: 'None',
  escalate: {
    button: 'Escalate to next level',
    title: 'Escalate to L{{level}}',
    hint: 'The ticket moves to a group of the next support level, which assigns it by its own rules.',
    reason: 'Reason',
    reasonPlaceholder: 'What has been tried, and why the next level is needed',
    reasonRequired: 'Enter a reason.',
    submit: 'Escalate',
    done: 'Escalated to L{{level}}',
    doneGone: 'Escalated to L{{level}}; the ticket is no longer in your queues.',
  },
  history: {
    ruleApplied: 'Assignment rule “{{name}}” applied',
    ruleSet: '{{what}}: {{value}}',
    set: {
      groupId: 'group',
      assigneeId: 'agent',
      priority: 'priority',
      supportLevel: 'level',
    },
    autoAssigned: 'Assigned to {{who}} automatically ({{mode}}, {{group}})',
    distribution: {
      round_robin: 'round robin',
      least_open: 'fewest open tickets',
      manual: 'manual',
    },
    escalated: 'Escalated from {{from}} to {{to}} ({{group}}): {{reason}}',
    slaReminder: 'SLA reminder: {{clock}} due {{due}}',
    slaBreached: 'SLA breached: {{clock}} was due {{due}}',
    clock: { first_response: 'first response', resolution: 'resolution' },
    onBehalfOf: '{{actor}} on behalf of {{principal}}',
  },
} as const;
