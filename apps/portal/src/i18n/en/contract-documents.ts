/** Strings of the namespace `contractDocuments`: the documents shared on a contract (portal). */
export default {
  title: 'Documents',
  titleCount: 'Documents ({{n}})',
  loading: 'Loading documents',
  empty: 'No documents are shared on this contract.',
  download: 'Download {{name}}',
  downloadFailed: 'Could not download {{name}}',
};
