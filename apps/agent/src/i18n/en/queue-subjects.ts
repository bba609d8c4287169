/** "For user" / "For department" (PayDox): which of the person's or department's tickets. */
export default {
  state: {
    label: 'Tickets',
    open: 'Open',
    closed: 'Closed',
    all: 'All',
  },
  treeHint: 'Your departments and the ones below them',
};
