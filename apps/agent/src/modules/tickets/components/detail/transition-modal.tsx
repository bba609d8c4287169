import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, useTranslatedName } from '@relaydesk/web-ui';
import type { Schemas } from '@relaydesk/api-client';
import type { TransitionOption } from '../../api';
import { DateTimeInput } from './date-time-input';
import { fromLocalInput, tomorrowMorning } from './date-time';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';

interface TransitionModalProps {
  option: TransitionOption;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Omit<Schemas['TransitionDto'], 'version' | 'to'>) => void;
  onClose: () => void;
}

/**
 * Asks what a transition needs before it is made: the date and time to postpone until
 * (in the future), and a comment — required or optional as the workflow says.
 */
export function TransitionModal({
  option,
  pending,
  error,
  onSubmit,
  onClose,
}: TransitionModalProps) {
  const { t } = useTranslation('ticketDetail');
  const name = useTranslatedName();
  const { conflict, reload, reloading } = useTicketConcurrency();
  const [until, setUntil] = useState<string | null>(() => fromLocalInput(tomorrowMorning()));
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);
  const errors = { ...server, ...local };
  const nowIso = new Date().toISOString();

  const submit = () => {
    const problems: Record<string, string> = {};
    if (option.requiresPostpone) {
      if (!until) problems.postponeUntil = t('transition.untilRequired');
      else if (new Date(until).getTime() <= Date.now())
        problems.postponeUntil = t('transition.untilFuture');
    }
    if (option.commentRequired && !comment.trim()) problems.comment = t('transition.commentNeeded');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    onSubmit({
      ...(option.requiresPostpone && until ? { postponeUntil: until } : {}),
      ...(comment.trim() ? { comment } : {}),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('transition.title', { status: name(option.name) })}
      data-testid="transition-modal"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {option.requiresPostpone && (
            <DateTimeInput
              label={t('transition.until')}
              description={t('transition.untilHint')}
              required
              value={until}
              min={nowIso}
              onChange={(v) => {
                setUntil(v);
                setLocal(({ postponeUntil: _, ...rest }) => rest);
              }}
              error={errors.postponeUntil}
              data-testid="postpone-until"
              data-autofocus
            />
          )}
          <Textarea
            label={
              option.commentRequired ? t('transition.comment') : t('transition.commentOptional')
            }
            description={t('transition.commentHint')}
            required={option.commentRequired}
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
            data-testid="transition-comment"
            data-autofocus={option.requiresPostpone ? undefined : true}
          />
          {!!error && !isVersionConflict(error) && Object.keys(server).length === 0 && (
            <ProblemMessage error={error} />
          )}
          {isVersionConflict(error) && conflict && (
            <Alert
              color="orange"
              variant="light"
              role="alert"
              title={t('conflict.title')}
              styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('conflict.bodyDialog')}</Text>
                <Button
                  size="xs"
                  color="orange.9"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                  data-testid="transition-conflict-reload"
                >
                  {t('conflict.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="confirm-transition">
              {t('transition.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
