/** Strings of the namespace `settingsForm`: the save bar of the one-record settings pages. */
export default {
  loading: 'Loading',
  unsaved: 'Unsaved changes',
  discard: 'Discard changes',
} as const;
