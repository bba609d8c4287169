import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@relaydesk/api-client';
import { useAuth } from '@relaydesk/web-auth';
import { fieldErrors, ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useUpdateMe } from '../../directory/hooks';
import { DateTimeInput } from '../../tickets/components/detail/date-time-input';

type Me = Schemas['MeDto'];

/** My out-of-office period: group distribution skips me while it runs. */
export function OutOfOfficeCard({ me }: { me: Me }) {
  const { t } = useTranslation(['profileAway', 'common']);
  const format = useFormat();
  const { session } = useAuth();
  const save = useUpdateMe();
  const [from, setFrom] = useState<string | null>(me.outOfOfficeFrom);
  const [until, setUntil] = useState<string | null>(me.outOfOfficeUntil);
  const [problem, setProblem] = useState<string | null>(null);
  const errors = fieldErrors(save.error);
  const now = Date.now();
  const away =
    (me.outOfOfficeFrom || me.outOfOfficeUntil) &&
    (!me.outOfOfficeFrom || Date.parse(me.outOfOfficeFrom) <= now) &&
    (!me.outOfOfficeUntil || Date.parse(me.outOfOfficeUntil) > now);
  const planned = me.outOfOfficeFrom && Date.parse(me.outOfOfficeFrom) > now;

  const write = (
    body: { outOfOfficeFrom: string | null; outOfOfficeUntil: string | null },
    message: string,
  ) =>
    save.mutate(body, {
      onSuccess: (updated) => {
        session.setUser(updated);
        setFrom(updated.outOfOfficeFrom);
        setUntil(updated.outOfOfficeUntil);
        notifications.show({
          color: 'green',
          message,
        });
      },
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from && !until) return setProblem(t('away.required'));
    if (from && until && Date.parse(until) <= Date.parse(from)) return setProblem(t('away.order'));
    setProblem(null);
    write(
      { outOfOfficeFrom: from ?? new Date().toISOString(), outOfOfficeUntil: until },
      t('away.saved'),
    );
  };

  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby="profile-away">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} id="profile-away">
            {t('away.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('away.hint')}
          </Text>
          <Text size="sm" fw={500} data-testid="away-state">
            {away
              ? t('away.nowAway')
              : planned
                ? t('away.plannedAway', { from: format.dateTime(me.outOfOfficeFrom) })
                : t('away.inOffice')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimeInput
              label={t('away.from')}
              value={from}
              onChange={setFrom}
              error={errors.outOfOfficeFrom}
              data-testid="away-from"
            />
            <DateTimeInput
              label={t('away.until')}
              description={t('away.untilHint')}
              value={until}
              onChange={setUntil}
              error={errors.outOfOfficeUntil}
              data-testid="away-until"
            />
          </SimpleGrid>
          {problem && (
            <Text size="sm" c="red.9" role="alert">
              {problem}
            </Text>
          )}
          {save.isError && Object.keys(errors).length === 0 && (
            <ProblemMessage error={save.error} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="away-save">
              {t('away.save')}
            </Button>
            {(me.outOfOfficeFrom || me.outOfOfficeUntil) && (
              <Button
                variant="default"
                onClick={() =>
                  write({ outOfOfficeFrom: null, outOfOfficeUntil: null }, t('away.cleared'))
                }
                data-testid="away-back"
              >
                {t('away.back')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
