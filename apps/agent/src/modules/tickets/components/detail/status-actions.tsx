import { useState } from 'react';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useTranslatedName } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import type { Ticket, TransitionOption } from '../../api';
import { useTicketTransitions, useTransition } from '../../hooks';
import { TransitionModal } from './transition-modal';
import { OpenChildrenModal, openChildrenOf } from './open-children-modal';
import { useFieldLabel } from './use-field-label';
import { useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

/**
 * One button per status the caller may move the ticket to (the API decides which). Targets
 * that need a postpone date or a comment open a dialog first.
 */
export function StatusActions({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  const me = useUser();
  const name = useTranslatedName();
  const fieldLabel = useFieldLabel(ticket);
  const errorText = useErrorText();
  const concurrency = useTicketConcurrency();
  const transitions = useTicketTransitions(ticket.id, ticket.version);
  const transition = useTransition(ticket.id);
  // The version the user saw when choosing: a change made meanwhile is a conflict.
  const [asking, setAsking] = useState<{
    option: TransitionOption;
    version: number;
    epoch: number;
  } | null>(null);
  // A close refused because children are open: what was sent, to resend with force.
  const [blocked, setBlocked] = useState<{
    option: TransitionOption;
    extra: Omit<Schemas['TransitionDto'], 'version' | 'to'>;
    numbers: number[];
  } | null>(null);
  const mayForce = me.role === 'admin' || me.role === 'dispatcher';

  const once = useSingleFlight();
  const run = (
    option: TransitionOption,
    version: number,
    extra: Omit<Schemas['TransitionDto'], 'version' | 'to'> = {},
  ) =>
    once((release) =>
      transition.mutate(
        { to: option.to, version, ...extra },
        {
          onSuccess: () => {
            setAsking(null);
            setBlocked(null);
            concurrency.advance();
            notifications.show({
              color: 'green',
              message: t('transition.done', { status: name(option.name) }),
            });
          },
          onError: (e) => {
            const numbers = openChildrenOf(e);
            if (numbers) {
              setAsking(null);
              setBlocked({ option, extra, numbers });
              return;
            }
            // In the dialog the error shows there, and what the user typed stays.
            if (!concurrency.report(e) && !asking)
              notifications.show({
                color: 'red',
                title: t('transition.failed'),
                message: errorText(e),
              });
          },
          onSettled: release,
        },
      ),
    );

  const options = transitions.data ?? [];
  // A closed ticket has nowhere to go; saying so on every closed ticket is noise.
  if (readOnly && !transitions.isLoading && options.length === 0) return null;
  const missingOf = (option: TransitionOption) => option.missingFields ?? [];
  const blockedOptions = options.filter((o) => missingOf(o).length > 0);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('transition.groupLabel')}>
        <Text size="sm" c="dimmed">
          {t('transition.moveTo')}
        </Text>
        {transitions.isLoading && (
          <Loader size="xs" role="status" aria-label={t('transition.loading')} />
        )}
        {!transitions.isLoading && options.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="no-transitions">
            {t('transition.none')}
          </Text>
        )}
        {options.map((option) => (
          <Button
            key={option.to}
            size="xs"
            variant="default"
            leftSection={option.requiresPostpone ? <IconClockPause size={14} aria-hidden /> : null}
            loading={transition.isPending && transition.variables?.to === option.to && !asking}
            disabled={transition.isPending || missingOf(option).length > 0}
            aria-describedby={
              missingOf(option).length > 0 ? `transition-missing-${option.to}` : undefined
            }
            onClick={() => {
              transition.reset();
              if (option.requiresPostpone || option.commentRequired || option.requiresDuplicateOf)
                setAsking({ option, version: ticket.version, epoch: concurrency.epoch });
              else run(option, ticket.version);
            }}
            data-testid={`transition-${option.to}`}
          >
            {name(option.name)}
            {option.requiresPostpone || option.commentRequired || option.requiresDuplicateOf
              ? '…'
              : ''}
          </Button>
        ))}
        {asking && (
          <TransitionModal
            ticketId={ticket.id}
            fieldLabel={fieldLabel}
            option={asking.option}
            pending={transition.isPending}
            error={transition.error}
            onSubmit={(extra) =>
              // After a reload the user has seen the current ticket: send its version.
              run(
                asking.option,
                asking.epoch === concurrency.epoch ? asking.version : ticket.version,
                extra,
              )
            }
            onClose={() => setAsking(null)}
          />
        )}
        {blocked && (
          <OpenChildrenModal
            numbers={blocked.numbers}
            mayForce={mayForce}
            pending={transition.isPending}
            onForce={() => run(blocked.option, ticket.version, { ...blocked.extra, force: true })}
            onClose={() => setBlocked(null)}
          />
        )}
      </Group>
      {blockedOptions.map((option) => (
        <Text
          key={option.to}
          size="xs"
          c="dimmed"
          id={`transition-missing-${option.to}`}
          data-testid={`transition-missing-${option.to}`}
        >
          {tw('transition.missingFor', {
            status: name(option.name),
            fields: missingOf(option).map(fieldLabel).join(', '),
          })}
        </Text>
      ))}
    </Stack>
  );
}
