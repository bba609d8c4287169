/** Strings of the namespace `kbFiles`: an article's files and inline images (agent app). */
export default {
  title: 'Files',
  attach: 'Attach file or image',
  attachHint:
    'Or drop or paste an image into the text: it is uploaded and shown where the cursor is.',
  saveFirst: 'Save the draft first, then attach files and images.',
  uploading: 'Uploading {{name}}…',
  uploadFailed: 'Could not upload {{name}}',
  empty: 'No files yet.',
  image: 'Image',
  download: 'Download {{name}}',
  downloadFailed: 'Could not download {{name}}',
  delete: 'Delete {{name}}',
  deleteTitle: 'Delete the file?',
  deleteText:
    '“{{name}}” will be removed for good. Where the article still shows it, readers will see only its description.',
  deleteConfirm: 'Delete',
  cancel: 'Cancel',
  deleted: 'File deleted',
  deleteFailed: 'Could not delete the file',
  showDeleted: 'Show deleted files',
  hideDeleted: 'Hide deleted files',
  noneDeleted: 'No file has been deleted.',
  deletedBy: '{{name}}: deleted {{date}} by {{by}}',
};
