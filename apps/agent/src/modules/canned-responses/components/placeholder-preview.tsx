import { Fragment } from 'react';
import { Badge, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CANNED_RESPONSE_PLACEHOLDER_PATTERN,
  isKnownCannedPlaceholder,
  type CannedResponsePlaceholder,
} from '@relaydesk/contracts';

/**
 * The template as the agent will see it inserted: text as is, each placeholder as a badge
 * naming what fills it, an unknown one in red (the server leaves it in the text as written).
 * Uses the same pattern as the server, so what is marked here is what gets filled there.
 */
export function PlaceholderPreview({ body }: { body: string }) {
  const { t } = useTranslation('cannedResponses');
  const parts: React.ReactNode[] = [];
  const unknown = new Set<string>();
  let last = 0;
  for (const m of body.matchAll(CANNED_RESPONSE_PLACEHOLDER_PATTERN)) {
    const name = m[1];
    parts.push(<Fragment key={`t${last}`}>{body.slice(last, m.index)}</Fragment>);
    const known = isKnownCannedPlaceholder(name);
    if (!known) unknown.add(name);
    parts.push(
      <Badge
        key={`p${m.index}`}
        variant="light"
        color={known ? 'blue' : 'red'}
        tt="none"
        size="sm"
        data-testid={known ? 'preview-placeholder' : 'preview-unknown'}
      >
        {known ? label(name, t) : m[0]}
      </Badge>,
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(<Fragment key="end">{body.slice(last)}</Fragment>);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('preview.title')}
      </Text>
      <Paper withBorder p="xs" data-testid="canned-preview">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {parts}
        </Text>
      </Paper>
      {[...unknown].map((name) => (
        <Text key={name} size="xs" c="red">
          {t('preview.unknown', { name: `{{${name}}}` })}
        </Text>
      ))}
    </Stack>
  );
}

const LABEL_KEYS: Record<CannedResponsePlaceholder, string> = {
  'ticket.number': 'placeholder.ticketNumber',
  'ticket.subject': 'placeholder.ticketSubject',
  'requester.name': 'placeholder.requesterName',
  'agent.name': 'placeholder.agentName',
  'organization.name': 'placeholder.organizationName',
};

function label(name: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  const key = LABEL_KEYS[name as CannedResponsePlaceholder];
  return key ? t(key) : t('placeholder.custom', { key: name.slice('custom.'.length) });
}
