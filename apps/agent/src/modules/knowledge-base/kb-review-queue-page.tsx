import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage, useErrorText, useFormat } from '@relaydesk/web-ui';
import { useKbSections } from '@relaydesk/web-kb';
import { preloadStrings } from '../../lazy-strings';
import type { KbReviewQueueItem } from './kb-admin-api';
import { useKbAdminPermissions, useKbReviewQueue, useMarkKbReviewed } from './kb-admin-hooks';
import { KbAdminNav } from './kb-admin-nav';

preloadStrings(['kbAdmin']);

const INTERVALS = [1, 3, 6, 12, 24];
const DEFAULT = 'default';

function QueueItem({ item, sectionName }: { item: KbReviewQueueItem; sectionName?: string }) {
  const { t } = useTranslation('kbAdmin');
  const format = useFormat();
  const errorText = useErrorText();
  const mark = useMarkKbReviewed();
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-testid="kb-review-item"
      data-title={item.title}
    >
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600}>{item.title}</Text>
          <Text size="sm" c="dimmed">
            {[
              sectionName,
              t(`language.${item.language}`),
              item.reviewedAt
                ? t('review.lastReviewed', {
                    date: format.date(item.reviewedAt),
                    name: item.reviewedBy?.name ?? t('review.someone'),
                  })
                : t('review.neverReviewed', { date: format.date(item.createdAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {mark.error != null && (
            <Alert color="red" variant="light" role="alert" p="xs">
              {errorText(mark.error)}
            </Alert>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/kb/articles/${item.id}`}
            variant="default"
            size="compact-sm"
            aria-label={t('review.openNamed', { title: item.title })}
          >
            {t('review.open')}
          </Button>
          <Button
            size="compact-sm"
            loading={mark.isPending}
            onClick={() => mark.mutate({ id: item.id, version: item.version })}
            aria-label={t('review.markNamed', { title: item.title })}
            data-testid="kb-review-mark"
          >
            {t('review.mark')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

/**
 * Published articles nobody has reviewed for a while, the longest-forgotten first: open one to
 * check it, or mark it reviewed (the article's version goes with it; a stale one is a 409).
 */
export default function KbReviewQueuePage() {
  const { t } = useTranslation(['kbAdmin', 'common']);
  useDocumentTitle(`${t('review.title')} · ${t('common:appName')}`);
  const may = useKbAdminPermissions();
  const [interval, setIntervalChoice] = useState<string>(DEFAULT);
  const months = interval === DEFAULT ? undefined : Number(interval);
  const queue = useKbReviewQueue(may.edit ? months : undefined);
  const sections = useKbSections();
  const sectionName = (id: string) => sections.data?.find((s) => s.id === id)?.name;

  if (!may.edit) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('forbidden')}
      </Alert>
    );
  }
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const usedMonths = queue.data?.pages[0]?.months;

  return (
    <Stack gap="md" maw={960}>
      <KbAdminNav />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('review.title')}</Title>
          <Text size="sm" c="dimmed">
            {usedMonths !== undefined ? t('review.hint', { count: usedMonths }) : ' '}
          </Text>
        </div>
        <Select
          label={t('review.interval')}
          data={[
            { value: DEFAULT, label: t('review.intervalDefault') },
            ...INTERVALS.map((m) => ({
              value: String(m),
              label: t('review.months', { count: m }),
            })),
          ]}
          value={interval}
          onChange={(v) => setIntervalChoice(v ?? DEFAULT)}
          allowDeselect={false}
          w={220}
          data-testid="kb-review-interval"
        />
      </Group>
      {queue.error ? (
        <ProblemMessage error={queue.error} />
      ) : queue.isPending ? (
        <Loader role="status" aria-label={t('common:loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="kb-review-empty">
          {t('review.empty')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="kb-review-list"
        >
          {items.map((item) => (
            <QueueItem key={item.id} item={item} sectionName={sectionName(item.sectionId)} />
          ))}
        </Stack>
      )}
      {queue.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {t('common:loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
