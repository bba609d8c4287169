/** Strings of the namespace `kbFiles`: an article's files on the portal. */
export default {
  title: 'Files',
  download: 'Download {{name}}',
  downloadFailed: 'Could not download {{name}}',
};
