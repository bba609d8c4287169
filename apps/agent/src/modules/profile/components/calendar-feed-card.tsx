import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { CalendarFeedCreated } from '../api';
import { useCalendarFeed, useRevokeCalendarFeed, useRotateCalendarFeed } from '../hooks';

/**
 * My private iCal address: create or rotate it (the address is shown this once, with a copy
 * button), or revoke it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation(['profileAway', 'common']);
  const format = useFormat();
  const status = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirming, setConfirming] = useState(false);
  const exists = status.data?.exists ?? false;

  const onRotate = () =>
    rotate.mutate(undefined, {
      onSuccess: (feed) => {
        setCreated(feed);
        setConfirming(false);
      },
    });
  const onRevoke = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setCreated(null);
        setConfirming(false);
        notifications.show({
          color: 'green',
          message: t('feed.revoked'),
        });
      },
    });

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-feed">
      <Stack gap="sm">
        <Title order={3} id="profile-feed">
          {t('feed.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('feed.hint')}
        </Text>
        {status.isError ? (
          <ProblemMessage error={status.error} />
        ) : (
          <Text size="sm" fw={500} data-testid="feed-state">
            {status.isPending
              ? ''
              : exists && status.data?.createdAt
                ? t('feed.since', { time: format.dateTime(status.data.createdAt) })
                : t('feed.none')}
          </Text>
        )}
        {created && (
          <Alert color="teal" variant="light" title={t('feed.urlOnce')} data-testid="feed-created">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('feed.url')}
                value={created.url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1 }}
                data-testid="feed-url"
              />
              <CopyButton value={created.url} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('feed.copied') : t('feed.copy')} withArrow>
                    <ActionIcon
                      size="lg"
                      variant={copied ? 'filled' : 'default'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      aria-label={copied ? t('feed.copied') : t('feed.copy')}
                      data-testid="feed-copy"
                    >
                      {copied ? (
                        <IconCheck size={18} aria-hidden />
                      ) : (
                        <IconCopy size={18} aria-hidden />
                      )}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        {(rotate.isError || revoke.isError) && (
          <ProblemMessage error={rotate.error ?? revoke.error} />
        )}
        {confirming ? (
          <Alert color="red" variant="light" role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('feed.confirmRevoke')}</Text>
              <Group gap="xs">
                <Button
                  color="red"
                  size="xs"
                  loading={revoke.isPending}
                  onClick={onRevoke}
                  data-testid="feed-revoke-confirm"
                >
                  {t('feed.revoke')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  {t('common:cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group gap="xs">
            <Button loading={rotate.isPending} onClick={onRotate} data-testid="feed-rotate">
              {exists ? t('feed.rotate') : t('feed.create')}
            </Button>
            {exists && (
              <Button
                variant="default"
                color="red"
                onClick={() => setConfirming(true)}
                data-testid="feed-revoke"
              >
                {t('feed.revoke')}
              </Button>
            )}
          </Group>
        )}
        {exists && !confirming && (
          <Text size="xs" c="gray.7">
            {t('feed.rotateHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
