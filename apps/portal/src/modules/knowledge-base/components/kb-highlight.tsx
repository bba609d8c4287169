import { Fragment, type ReactNode } from 'react';

/**
 * A search fragment as text with its matches marked. The server escapes everything but the
 * <mark> tags; still, the string is never set as HTML here: it is parsed (DOMParser runs no
 * script and loads nothing) and only its text and <mark> elements become React nodes, so
 * nothing else in it can ever reach the page as markup.
 */
export function KbHighlight({ html }: { html: string }) {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const nodes: ReactNode[] = [];
  body.childNodes.forEach((node, i) => {
    const text = node.textContent ?? '';
    if (!text) return;
    nodes.push(
      node.nodeName === 'MARK' ? <mark key={i}>{text}</mark> : <Fragment key={i}>{text}</Fragment>,
    );
  });
  return <>{nodes}</>;
}
