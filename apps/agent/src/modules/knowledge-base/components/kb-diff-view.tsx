import { Box, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbDiffLine, KbRevisionDiff } from '../api';

const SIGN = { add: '+', remove: '−', same: ' ' } as const;
const BACKGROUND = {
  add: 'var(--mantine-color-green-light)',
  remove: 'var(--mantine-color-red-light)',
  same: 'transparent',
} as const;

/**
 * Lines of a diff: each added or removed line carries a sign and a hidden word ("Added") for
 * screen readers, and is an <ins>/<del>, so the colour is never the only cue.
 */
function Lines({ lines, label }: { lines: KbDiffLine[]; label: string }) {
  const { t } = useTranslation('kb');
  const word = { add: t('history.added'), remove: t('history.removed'), same: '' };
  return (
    <Box
      component="ol"
      aria-label={label}
      m={0}
      p={0}
      style={{ listStyle: 'none', fontFamily: 'var(--mantine-font-family-monospace)' }}
    >
      {lines.map((line, i) => {
        const Tag = line.op === 'add' ? 'ins' : line.op === 'remove' ? 'del' : 'span';
        return (
          <li
            key={i}
            data-op={line.op}
            data-testid="kb-diff-line"
            style={{ background: BACKGROUND[line.op], whiteSpace: 'pre-wrap', padding: '0 6px' }}
          >
            <span
              aria-hidden
              style={{ userSelect: 'none', display: 'inline-block', width: '1.5em' }}
            >
              {SIGN[line.op]}
            </span>
            {word[line.op] && <VisuallyHidden>{`${word[line.op]}: `}</VisuallyHidden>}
            <Tag style={{ textDecoration: line.op === 'remove' ? 'line-through' : 'none' }}>
              {line.text || '\u00a0'}
            </Tag>
          </li>
        );
      })}
    </Box>
  );
}

export function KbDiffView({ diff }: { diff: KbRevisionDiff }) {
  const { t } = useTranslation('kb');
  const changed =
    diff.title.some((l) => l.op !== 'same') ||
    diff.body.some((l) => l.op !== 'same') ||
    diff.tagsAdded.length + diff.tagsRemoved.length > 0;
  return (
    <Stack gap="sm" data-testid="kb-diff">
      <Title order={3} size="h4">
        {t('history.diffTitle', { from: diff.from, to: diff.to })}
      </Title>
      <Text size="xs" c="dimmed">
        {t('history.legend')}
      </Text>
      {!changed && <Text c="dimmed">{t('history.noChanges')}</Text>}
      <Text fw={600} size="sm">
        {t('history.diffTitleField')}
      </Text>
      <Lines lines={diff.title} label={t('history.diffTitleField')} />
      <Text fw={600} size="sm">
        {t('history.diffBodyField')}
      </Text>
      <Lines lines={diff.body} label={t('history.diffBodyField')} />
      {(diff.tagsAdded.length > 0 || diff.tagsRemoved.length > 0) && (
        <>
          <Text fw={600} size="sm">
            {t('history.diffTags')}
          </Text>
          {diff.tagsAdded.length > 0 && (
            <Text size="sm">+ {t('history.tagsAdded', { tags: diff.tagsAdded.join(', ') })}</Text>
          )}
          {diff.tagsRemoved.length > 0 && (
            <Text size="sm">
              − {t('history.tagsRemoved', { tags: diff.tagsRemoved.join(', ') })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
