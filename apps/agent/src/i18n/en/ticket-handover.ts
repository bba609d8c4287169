/** Strings of a project manager's handover on the ticket page (namespace `ticketHandover`). */
export default {
  button: 'Hand over',
  title: 'Hand over to a member of {{project}}',
  member: 'Project member',
  hint: 'As the project’s manager you give the ticket to a member; the workflow may start it (Pythagoras: Solving).',
  noMembers: 'The project has no other staff members to hand the ticket to.',
  submit: 'Hand over',
  cancel: 'Cancel',
  done: 'Handed over',
};
