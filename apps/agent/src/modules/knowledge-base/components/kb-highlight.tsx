import { Text } from '@mantine/core';
import { KbHighlightText } from '@relaydesk/web-kb';

/** A search fragment with its matches marked, rendered as text (see highlightParts). */
export function KbHighlight({ html }: { html: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid="kb-hit-highlight">
      <KbHighlightText html={html} />
    </Text>
  );
}
