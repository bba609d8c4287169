/**
 * HTML that is already safe to put into a page. Only `html` and `rawHtml` make one, so a plain
 * string can never slip into the markup unescaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function toHtml(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(toHtml).join('');
  return escapeHtml(String(value));
}

/**
 * The tagged template for markup: the literal parts are ours and go out as written, every
 * interpolated value is escaped unless it is SafeHtml (a fragment built the same way).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += toHtml(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/** Text typed by a person, escaped, its line breaks kept as <br>. Nothing is turned into links. */
export function multilineHtml(text: string): SafeHtml {
  return new SafeHtml(
    text
      .split('\n')
      .map((line) => escapeHtml(line))
      .join('<br>\n'),
  );
}
