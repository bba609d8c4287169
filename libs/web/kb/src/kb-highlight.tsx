import { Fragment } from 'react';

/** A piece of a search fragment: plain text, or a match the server marked. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(ENTITY, (_, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name.toLowerCase()];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/**
 * A search hit's `highlight` (escaped text with `<mark>` around the matches) as parts that
 * React renders as text: no HTML from the server is ever parsed by the browser. Anything
 * that is not exactly `<mark>`/`</mark>` stays text, so a fragment that broke the promise would
 * show its markup rather than run it.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: decode(piece), mark });
  }
  return parts;
}

/** A search fragment as React text with its matches in <mark> (see highlightParts). */
export function KbHighlightText({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}
