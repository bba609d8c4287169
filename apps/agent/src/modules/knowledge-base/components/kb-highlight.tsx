import { Text } from '@mantine/core';
import { highlightParts } from '../kb-highlight';

/** A search fragment with its matches marked, rendered as text (see highlightParts). */
export function KbHighlight({ html }: { html: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid="kb-hit-highlight">
      {highlightParts(html).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
    </Text>
  );
}
