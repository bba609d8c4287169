/** Strings of the namespace `workflowInformational`: the Okdesk workflow's Informational option. */
export default {
  about:
    'Informational status (PayDox): tickets kept for the record. They are never overdue, are not open work (out of the work queues and their counts) and their SLA clocks stand still; "All tickets" and a status filter still show them.',
  add: 'Add the Informational status',
};
