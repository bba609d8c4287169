import { Typography } from '@mantine/core';
import { useKbBodyHtml } from '@relaydesk/web-kb';

/**
 * An article body as readers get it. The HTML is the server's: Markdown rendered with raw HTML
 * off, then passed through the allowlist (render-markdown.ts); the article page and the
 * editor's preview both show it through this one component, so they cannot differ.
 */
export function KbArticleBody({ html, testId }: { html: string; testId: string }) {
  // Article images come through the API client with the session's token (useKbBodyHtml).
  const body = useKbBodyHtml(html);
  return (
    <Typography
      ref={body.ref}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: body.html }}
    />
  );
}
