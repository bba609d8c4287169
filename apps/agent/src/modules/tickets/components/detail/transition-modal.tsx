import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, useTranslatedName } from '@relaydesk/web-ui';
import type { Schemas } from '@relaydesk/api-client';
import type { TransitionOption } from '../../api';
import { DateTimeInput } from './date-time-input';
import { fromLocalDateTime } from '@relaydesk/web-ui/custom-fields';
import { tomorrowMorning } from './date-time';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { TicketPicker } from '../pickers';

/** Problem fields this dialog shows at their input; any other error shows as a message. */
const PLACED = ['postponeUntil', 'comment', 'duplicateOfId'];
const DAY_MS = 86_400_000;

interface TransitionModalProps {
  ticketId: string;
  option: TransitionOption;
  /** Label of a field the API names (`custom:<key>`, `assigneeId`…). */
  fieldLabel: (field: string) => string;
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
  ticketId,
  option,
  fieldLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: TransitionModalProps) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  const name = useTranslatedName();
  const { conflict, reload, reloading } = useTicketConcurrency();
  const [until, setUntil] = useState<string | null>(() => fromLocalDateTime(tomorrowMorning()));
  const [comment, setComment] = useState('');
  const [duplicateOfId, setDuplicateOfId] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(error);
  const errors = { ...server, ...local };
  const nowIso = new Date().toISOString();
  const maxDays = option.requiresPostpone ? option.postponeMaxDays : null;
  const latest = maxDays ? new Date(Date.now() + maxDays * DAY_MS) : null;
  const unplaced = Object.entries(server).filter(([f]) => !PLACED.includes(f));

  const submit = () => {
    const problems: Record<string, string> = {};
    if (option.requiresPostpone) {
      if (!until) problems.postponeUntil = t('transition.untilRequired');
      else if (new Date(until).getTime() <= Date.now())
        problems.postponeUntil = t('transition.untilFuture');
      else if (latest && new Date(until).getTime() > latest.getTime())
        problems.postponeUntil = tw('transition.untilTooLate', { days: maxDays });
    }
    if (option.requiresDuplicateOf && !duplicateOfId)
      problems.duplicateOfId = tw('transition.duplicateOfNeeded');
    if (option.commentRequired && !comment.trim()) problems.comment = t('transition.commentNeeded');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    onSubmit({
      ...(option.requiresPostpone && until ? { postponeUntil: until } : {}),
      ...(comment.trim() ? { comment } : {}),
      ...(option.requiresDuplicateOf && duplicateOfId ? { duplicateOfId } : {}),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('transition.title', { status: name(option.name) })}
      closeButtonProps={{ 'aria-label': t('actions.cancel') }}
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
              description={
                maxDays
                  ? `${t('transition.untilHint')} ${tw('transition.untilMax', { days: maxDays })}`
                  : t('transition.untilHint')
              }
              required
              value={until}
              min={nowIso}
              max={latest?.toISOString()}
              onChange={(v) => {
                setUntil(v);
                setLocal(({ postponeUntil: _, ...rest }) => rest);
              }}
              error={errors.postponeUntil}
              data-testid="postpone-until"
              data-autofocus
            />
          )}
          {option.requiresDuplicateOf && (
            <TicketPicker
              label={tw('transition.duplicateOf')}
              description={tw('transition.duplicateOfHint')}
              required
              value={duplicateOfId}
              excludeId={ticketId}
              onChange={(id) => {
                setDuplicateOfId(id);
                setLocal(({ duplicateOfId: _, ...rest }) => rest);
              }}
              error={errors.duplicateOfId}
              comboboxProps={{ withinPortal: true }}
              // Focused when the dialog opens: a list opened by that alone would cover the
              // comment and the confirm button (a click there would pick some ticket).
              openOnFocus={false}
              data-testid="duplicate-of"
              data-autofocus={option.requiresPostpone ? undefined : true}
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
            data-autofocus={
              option.requiresPostpone || option.requiresDuplicateOf ? undefined : true
            }
          />
          {!!error && !isVersionConflict(error) && Object.keys(server).length === 0 && (
            <ProblemMessage error={error} />
          )}
          {unplaced.length > 0 && (
            <Alert color="red" variant="light" role="alert" data-testid="transition-field-errors">
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {unplaced.map(([field, message]) => (
                  <Text component="li" size="sm" key={field}>
                    {fieldLabel(field)}: {message}
                  </Text>
                ))}
              </Stack>
            </Alert>
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
