/**
 * Strings of the requester's own moves on a ticket page (namespace `requesterActions`): the
 * workflow transitions a client may make, with their comment, date and required fields.
 */
export default {
  title: 'What next?',
  text: 'You can move your request on yourself.',
  pendingText:
    'Support is waiting for you: complete the request (say what was missing in the comment) and resubmit it, or close it if you no longer need it.',
  resubmit: 'Resubmit',
  reopen: 'Reopen',
  close: 'Close the request',
  moveTo: 'Move to “{{status}}”',
  comment: 'Comment',
  commentOptional: 'Comment (optional)',
  commentMissing: 'Write a comment for this step',
  postponeUntil: 'Until',
  postponeMissing: 'Choose a date and time in the future',
  fieldMissing: 'Fill this in for this step',
  cancel: 'Cancel',
  done: 'Done: {{action}}.',
} as const;
