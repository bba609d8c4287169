/**
 * Extensions that run when opened on Windows/macOS or in a browser. Checked on every dot-separated
 * segment after the first, so `invoice.pdf.exe` and `report.exe.pdf` are both caught (the second
 * because some viewers hide the final extension and users rename).
 */
const DANGEROUS_EXTENSIONS = new Set([
  ...['exe', 'scr', 'bat', 'cmd', 'com', 'pif', 'cpl', 'msi', 'msp', 'mst', 'dll', 'sys', 'drv'],
  ...[
    'js',
    'jse',
    'vbs',
    'vbe',
    'wsf',
    'wsh',
    'wsc',
    'ws',
    'ps1',
    'psm1',
    'psd1',
    'ps1xml',
    'psc1',
  ],
  ...['jar', 'hta', 'lnk', 'reg', 'inf', 'scf', 'url', 'iso', 'img', 'vhd', 'vhdx', 'appx', 'msix'],
  ...['application', 'gadget', 'chm', 'msc', 'apk', 'app', 'command', 'sh', 'run', 'dmg', 'pkg'],
  ...['html', 'htm', 'xhtml', 'xht', 'shtml', 'svg', 'svgz', 'mht', 'mhtml', 'xml', 'xsl'],
  ...['docm', 'xlsm', 'pptm', 'dotm', 'xltm', 'xlam', 'ppam', 'sldm'],
]);

/** Types a browser would render or run (HTML, SVG, XHTML, XML) or that declare an executable. */
const DANGEROUS_TYPES =
  /^(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/(?:x-)?javascript|application\/ecmascript|application\/hta|application\/x-ms(?:download|dos-program|-installer|i)|application\/x-(?:sh|bat|executable|dosexec|java-archive)|application\/java-archive|application\/vnd\.microsoft\.portable-executable)$/i;

/** Bidirectional overrides make `gpj.exe` look like `exe.jpg`. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

export function isDangerousAttachment(filename: string, contentType: string): boolean {
  if (DANGEROUS_TYPES.test(contentType.trim())) return true;
  if (BIDI_CONTROLS.test(filename)) return true;
  // Windows drops trailing dots and spaces: `evil.exe.` opens as `evil.exe`.
  const segments = filename
    .toLowerCase()
    .replace(/[.\s]+$/, '')
    .split('.')
    .slice(1);
  return segments.some((segment) => DANGEROUS_EXTENSIONS.has(segment.trim()));
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'text/rfc822-headers': 'txt',
  'message/rfc822': 'eml',
  'message/delivery-status': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

/**
 * A name safe to store and to put in a Content-Disposition: no path, no control characters, not
 * empty, at most 200 characters with the extension kept.
 */
export function safeFilename(
  filename: string | undefined,
  contentType: string,
  index: number,
): string {
  let name = (filename ?? '').replace(/^.*[\\/]/, '');
  name = name.replace(/[\u0000-\u001f\u007f"]/g, '_').trim();
  if (name === '' || /^\.+$/.test(name)) {
    name = `attachment-${index + 1}.${EXTENSION_BY_TYPE[contentType.toLowerCase()] ?? 'bin'}`;
  }
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name;
}
