/** Strings of the namespace `visibilityAdmin`: Administration > Visibility, and the user form. */
export default {
  tab: 'Visibility',
  title: 'Who sees which ticket',
  hint: 'Admins and dispatchers always see every ticket. For agents, each one’s scope decides; agents without their own scope get the default below.',
  defaultScope: 'Default scope for agents',
  defaultScopeHint:
    'Choose “All tickets” once for a desk where all staff see all tickets; narrower scopes for desks where each specialist sees their area.',
  scope: {
    own: 'Own work only',
    groups: 'Own and their groups’',
    department: 'Their department’s',
    all: 'All tickets',
  },
  scopeHint: {
    own: 'Assigned to them, filed or requested by them, of the people they stand in for, of the projects they manage or are a member of, and of the people of the departments they head.',
    groups: 'Their own work, their groups’ tickets and unassigned tickets.',
    department:
      'As “Own and their groups’”, and every ticket requested by or assigned to someone in their department or the departments below it.',
    all: 'Every ticket.',
  },
  unassignedGroupOnly: 'Unassigned tickets are seen only by the group they are routed to',
  unassignedGroupOnlyHint:
    'Off: every agent sees every unassigned ticket. On: an unassigned ticket reaches the members of its group (and whoever sees it for another reason); one without a group is for dispatchers.',
  save: 'Save',
  saved: 'Visibility settings saved',
  userScope: 'Sees',
  userScopeDefault: 'The default ({{scope}})',
  userScopeHint: 'Admins and dispatchers see every ticket whatever this says.',
} as const;
