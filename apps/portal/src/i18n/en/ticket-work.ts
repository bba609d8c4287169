/**
 * Strings of custom fields, categories and the acceptance of a solution (namespace
 * `ticketWork`). Fetched with the ticket pages that use them, not at sign-in.
 */
export default {
  category: 'Category',
  noCategory: 'No category',
  typeFields: 'Details for this type of request',
  editFields: 'Edit',
  saveFields: 'Save changes',
  fieldsSaved: 'The details are saved.',
  fieldsConflictTitle: 'The ticket has changed',
  fieldsConflictText:
    'Support changed this ticket while you were editing. What you typed is kept: load the current ticket, check the fields and save again.',
  fieldsReload: 'Load the current ticket',
  resolvedTitle: 'Is your issue solved?',
  resolvedText:
    'Accept the solution to close the ticket, or reject it if something is still wrong.',
  accept: 'Accept',
  reject: 'Reject',
  rating: 'How satisfied are you with the solution?',
  ratingLabel: '{{count}} of 5',
  ratingMissing: 'Choose a rating from 1 to 5',
  acceptComment: 'Comment (optional)',
  acceptConfirm: 'Accept and close',
  rejectComment: 'What is still wrong?',
  rejectCommentMissing: 'Tell us what is still wrong',
  rejectConfirm: 'Send and reopen',
  cancel: 'Cancel',
  accepted: 'Thank you! The ticket is closed.',
  rejected: 'The ticket is back with support; they will take another look.',
  yourRating: 'Your rating',
} as const;
