import { CANNED_RESPONSE_PLACEHOLDER_PATTERN } from '@relaydesk/contracts';

export interface RenderResult {
  body: string;
  unknownPlaceholders: string[];
  emptyPlaceholders: string[];
}

/**
 * Fills a template in one pass: each `{{name}}` is looked up once and its value is written out
 * as text, never scanned again, so a ticket subject or custom field holding `{{agent.name}}` (or
 * a template that tries to nest placeholders) cannot make the renderer recurse. `values` holds
 * every placeholder this ticket knows, null for one without a value; a name it lacks stays in
 * the text as written and is reported, so the agent sees what did not fill.
 */
export function renderPlaceholders(
  template: string,
  values: ReadonlyMap<string, string | null>,
): RenderResult {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const body = template.replace(CANNED_RESPONSE_PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!values.has(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values.get(name);
    if (value === null || value === undefined || value === '') {
      empty.add(name);
      return '';
    }
    return value;
  });
  return { body, unknownPlaceholders: [...unknown], emptyPlaceholders: [...empty] };
}
