import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, useErrorText, useFormat } from '@relaydesk/web-ui';
import { DateTimeInput } from '../../tickets/components/detail/date-time-input';
import { UserPicker } from '../../tickets/components/pickers';
import type { Deputyship } from '../api';
import { useAddDeputy, useEndDeputy, useMyDeputies } from '../hooks';

const STATE_COLOR = { upcoming: 'blue', active: 'green', ended: 'gray' } as const;

function StateBadge({ d }: { d: Deputyship }) {
  const { t } = useTranslation('profileAway');
  return (
    <Badge color={STATE_COLOR[d.state]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`deputies.states.${d.state}`)}
    </Badge>
  );
}

/** Name a deputy for a period, see my deputies (and whom I stand in for), end one now. */
export function DeputiesCard() {
  const { t } = useTranslation(['profileAway', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const mine = useMyDeputies('principal');
  const standingIn = useMyDeputies('deputy');
  const add = useAddDeputy();
  const end = useEndDeputy();
  const [deputy, setDeputy] = useState<{ id: string; name: string } | null>(null);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [endsAt, setEndsAt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const errors = fieldErrors(add.error);
  const notify = (message: string, color = 'green') => notifications.show({ color, message });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!deputy || !endsAt) return setProblem(t('deputies.required'));
    const start =
      startsAt && Date.parse(startsAt) > Date.now() ? startsAt : new Date().toISOString();
    if (Date.parse(endsAt) <= Date.parse(start)) return setProblem(t('deputies.endBeforeStart'));
    setProblem(null);
    add.mutate(
      { deputyId: deputy.id, startsAt: start, endsAt, note: note.trim() || null },
      {
        onSuccess: (created) => {
          notify(
            t('deputies.added', {
              name: created.deputy.name,
              from: format.dateTime(created.startsAt),
              to: format.dateTime(created.endsAt),
            }),
          );
          setDeputy(null);
          setStartsAt(null);
          setEndsAt(null);
          setNote('');
          setFormKey((k) => k + 1);
        },
      },
    );
  };

  const endNow = (d: Deputyship) =>
    end.mutate(d.id, {
      onSuccess: () => notify(t('deputies.ended', { name: d.deputy.name })),
      onError: (error) => notify(errorText(error), 'red'),
    });

  const period = (d: Deputyship) =>
    `${format.dateTime(d.startsAt)} – ${format.dateTime(d.canceledAt ?? d.endsAt)}`;
  const items = mine.data?.items ?? [];
  const standing = standingIn.data?.items ?? [];

  return (
    <Paper withBorder p="lg" maw={860} component="section" aria-labelledby="profile-deputies">
      <Stack gap="sm">
        <Title order={3} id="profile-deputies">
          {t('deputies.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('deputies.hint')}
        </Text>
        <form onSubmit={submit} noValidate key={formKey}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <UserPicker
                label={t('deputies.deputy')}
                withAsterisk
                scope="staff"
                value={deputy?.id ?? null}
                selectedName={deputy?.name}
                onChange={(id, user) => setDeputy(id && user ? { id, name: user.name } : null)}
                placeholder={t('deputies.deputyPlaceholder')}
                error={errors.deputyId}
                data-testid="deputy-picker"
              />
              <DateTimeInput
                label={t('deputies.startsAt')}
                description={t('deputies.startsAtHint')}
                value={startsAt}
                onChange={setStartsAt}
                error={errors.startsAt}
                data-testid="deputy-starts"
              />
              <DateTimeInput
                label={t('deputies.endsAt')}
                withAsterisk
                value={endsAt}
                onChange={setEndsAt}
                min={new Date().toISOString()}
                error={errors.endsAt}
                data-testid="deputy-ends"
              />
            </SimpleGrid>
            <TextInput
              label={t('deputies.note')}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            {problem && (
              <Text size="sm" c="red.9" role="alert">
                {problem}
              </Text>
            )}
            {add.isError && Object.keys(errors).length === 0 && (
              <ProblemMessage error={add.error} />
            )}
            <Group>
              <Button type="submit" loading={add.isPending} data-testid="deputy-add">
                {t('deputies.add')}
              </Button>
            </Group>
          </Stack>
        </form>

        {mine.isError ? (
          <ProblemMessage error={mine.error} />
        ) : items.length === 0 ? (
          <Text size="sm" c="gray.7" data-testid="deputies-empty">
            {mine.isPending ? '' : t('deputies.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="deputies-table" aria-labelledby="profile-deputies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deputies.deputy')}</Table.Th>
                  <Table.Th>{t('deputies.period')}</Table.Th>
                  <Table.Th>{t('deputies.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id} data-testid={`deputyship-${d.id}`} data-state={d.state}>
                    <Table.Td>
                      {d.deputy.name}
                      {d.note && (
                        <Text size="xs" c="gray.7">
                          {d.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{period(d)}</Table.Td>
                    <Table.Td>
                      <StateBadge d={d} />
                    </Table.Td>
                    <Table.Td>
                      {d.state !== 'ended' && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.8"
                          loading={end.isPending && end.variables === d.id}
                          onClick={() => endNow(d)}
                          aria-label={t('deputies.endLabel', { name: d.deputy.name })}
                          data-testid="deputy-end"
                        >
                          {t('deputies.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <Title order={4} size="h5" mt="sm" id="profile-standing-in">
          {t('deputies.standingIn')}
        </Title>
        {standing.length === 0 ? (
          <Text size="sm" c="gray.7">
            {standingIn.isPending ? '' : t('deputies.standingInNone')}
          </Text>
        ) : (
          <Table aria-labelledby="profile-standing-in" data-testid="standing-in-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deputies.principal')}</Table.Th>
                <Table.Th>{t('deputies.period')}</Table.Th>
                <Table.Th>{t('deputies.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {standing.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.principal.name}</Table.Td>
                  <Table.Td>{period(d)}</Table.Td>
                  <Table.Td>
                    <StateBadge d={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
