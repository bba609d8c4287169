/** Strings of the namespace `contractDocuments`: the documents shared on a contract (portal). */
export default {
  title: 'Documents',
  download: 'Download {{name}}',
  downloadFailed: 'Could not download {{name}}',
};
