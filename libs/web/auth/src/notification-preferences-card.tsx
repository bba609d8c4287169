import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '@relaydesk/api-client';
import { NOTIFICATION_CHANNELS } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useAuth } from './auth-context';

type Preferences = Schemas['NotificationPreferencesDto'];
type Cell = Preferences['items'][number];
type Change = Schemas['NotificationPreferenceChangeDto'];

/**
 * "Notifications" for both apps' profile pages: each kind the user hears of, by channel, as
 * checkboxes saved one click at a time; a marker on cells the user chose, and "reset to defaults"
 * to follow the installation's defaults again. SMS can only be turned on with a phone number and
 * the SMS consent (the API says so in `smsAvailable`).
 */
export function NotificationPreferencesCard() {
  const { t } = useTranslation(['notificationKinds', 'common']);
  const { api } = useAuth();
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setPrefs(await unwrap(api.GET('/api/v1/me/notification-preferences')));
    } catch (e) {
      setError(e);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (key: string, cells: Change[]) => {
    setBusy(key);
    setError(null);
    try {
      setPrefs(await unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { cells } })));
      notifications.show({ color: 'green', message: t('preferences.saved') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const kinds = prefs ? [...new Set(prefs.items.map((c) => c.kind))] : [];
  const cellOf = (kind: string, channel: string): Cell | undefined =>
    prefs?.items.find((c) => c.kind === kind && c.channel === channel);
  const chosen = prefs?.items.filter((c) => !c.default) ?? [];

  return (
    <Paper withBorder p="lg" maw={720} component="section" aria-labelledby="profile-notifications">
      <Stack gap="sm" data-testid="notification-preferences">
        <Title order={3} id="profile-notifications">
          {t('preferences.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('preferences.hint')}
        </Text>
        {error != null && <ProblemMessage error={error} />}
        {!prefs ? (
          !error && <Loader size="sm" role="status" aria-label={t('common:loading')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={420}>
              <Table verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('preferences.kind')}</Table.Th>
                    {NOTIFICATION_CHANNELS.map((channel) => (
                      <Table.Th key={channel} scope="col" ta="center">
                        {t(`channel.${channel}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {kinds.map((kind) => (
                    <Table.Tr key={kind}>
                      <Table.Th scope="row" fw={400}>
                        {t(`name.${kind}`)}
                      </Table.Th>
                      {NOTIFICATION_CHANNELS.map((channel) => {
                        const cell = cellOf(kind, channel);
                        if (!cell) return <Table.Td key={channel} />;
                        const key = `${kind}/${channel}`;
                        const blocked = channel === 'sms' && !prefs.smsAvailable && !cell.enabled;
                        const box = (
                          <Checkbox
                            checked={cell.enabled}
                            disabled={blocked || busy !== null}
                            onChange={(e) =>
                              void save(key, [
                                {
                                  kind: cell.kind,
                                  channel: cell.channel,
                                  enabled: e.target.checked,
                                },
                              ])
                            }
                            aria-label={t('preferences.cell', {
                              kind: t(`name.${kind}`),
                              channel: t(`channel.${channel}`),
                            })}
                            data-testid={`pref-${key}`}
                            data-default={cell.default}
                            styles={{ body: { justifyContent: 'center' } }}
                            color={cell.default ? 'gray' : undefined}
                          />
                        );
                        return (
                          <Table.Td key={channel} ta="center">
                            {cell.default ? (
                              box
                            ) : (
                              <Tooltip label={t('preferences.chosen')} withArrow>
                                <span style={{ display: 'inline-block' }}>{box}</span>
                              </Tooltip>
                            )}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {!prefs.smsAvailable && (
              <Text size="xs" c="gray.7" data-testid="pref-sms-unavailable">
                {t('preferences.smsUnavailable')}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                disabled={chosen.length === 0 || busy !== null}
                loading={busy === 'reset'}
                onClick={() =>
                  void save(
                    'reset',
                    chosen.map((c) => ({ kind: c.kind, channel: c.channel, enabled: null })),
                  )
                }
                data-testid="pref-reset"
              >
                {t('preferences.reset')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
