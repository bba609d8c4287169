import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { useUpdateTicket } from '../../hooks';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useTicketDraft } from './use-ticket-draft';
import { useSingleFlight } from './use-single-flight';

/** The ticket's description, edited in place. */
export function DescriptionCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const concurrency = useTicketConcurrency();
  const draft = useTicketDraft(ticket);
  const update = useUpdateTicket(ticket.id);
  const [editing, setEditing] = useState(false);
  const errors = fieldErrors(update.error);

  const stop = () => {
    draft.reset(['description']);
    update.reset();
    setEditing(false);
  };
  const once = useSingleFlight();
  const save = () => {
    if (!draft.isDirty('description')) {
      stop();
      return;
    }
    once((release) =>
      update.mutate(draft.body(['description']), {
        onSettled: release,
        onSuccess: () => {
          stop();
          concurrency.advance();
          notifications.show({ color: 'green', message: t('fields.saved') });
        },
        onError: (e) => concurrency.report(e),
      }),
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="description-heading"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="description-heading">
            {t('fields.description')}
          </Title>
          {!readOnly && !editing && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
              data-testid="edit-description"
            >
              {t('actions.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <>
            <Textarea
              aria-label={t('fields.description')}
              autosize
              minRows={4}
              maxRows={24}
              value={draft.value('description')}
              onChange={(e) => draft.set('description', e.currentTarget.value)}
              error={errors.description}
              data-testid="field-description"
              data-autofocus
              autoFocus
            />
            {!isVersionConflict(update.error) && Object.keys(errors).length === 0 && (
              <ProblemMessage error={update.error} />
            )}
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="xs" onClick={stop}>
                {t('actions.cancel')}
              </Button>
              <Button
                size="xs"
                onClick={save}
                loading={update.isPending}
                data-testid="save-description"
              >
                {t('actions.save')}
              </Button>
            </Group>
          </>
        ) : ticket.description.trim() ? (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="ticket-description"
          >
            {ticket.description}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="ticket-description">
            {t('fields.noDescription')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
