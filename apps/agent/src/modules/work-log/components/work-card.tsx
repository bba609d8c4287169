import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkEntryKind } from '@relaydesk/contracts';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { WorkEntry } from '../api';
import { useWorkEntryFiles } from '../entry-files';
import { useDeleteWorkEntry, useTicketWork } from '../hooks';
import { hoursMinutes } from '../work-format';
import { WorkEntryAttachButton, WorkEntryFiles } from './work-entry-files';
import { WorkEntryModal, type WorkEntryDraft } from './work-entry-modal';
import { WorkTimerButton } from './work-timer-button';
import { WorkUsageAlert } from './work-usage-alert';

const KIND_COLORS: Record<WorkEntryKind, string> = {
  billable: 'blue',
  internal: 'gray',
  warranty: 'teal',
};

/** What the card needs of a ticket (its contract and warranty mark come with the ticket links). */
export interface WorkTicket {
  id: string;
  contract?: { id: string; number: string } | null;
  warranty?: boolean;
}

/** The ticket's work: entries, totals, the timer, the contract's allowance (staff). */
export function WorkCard({ ticket }: { ticket: WorkTicket }) {
  const { t } = useTranslation('workLog');
  const format = useFormat();
  const work = useTicketWork(ticket.id);
  const files = useWorkEntryFiles(ticket.id);
  const remove = useDeleteWorkEntry();
  const [draft, setDraft] = useState<WorkEntryDraft | null>(null);
  const entries = work.data?.items ?? [];
  const totals = work.data?.totals;
  const money = (n: number) => n.toFixed(2);

  const [deleting, setDeleting] = useState<WorkEntry | null>(null);
  const confirmDelete = () =>
    deleting &&
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ message: t('card.deleted') });
        setDeleting(null);
      },
    });

  return (
    <Card withBorder data-testid="work-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>{t('card.title')}</Title>
          <Group gap="xs">
            <WorkTimerButton
              ticketId={ticket.id}
              onStopped={(span) =>
                setDraft({
                  startedAt: span.startedAt,
                  endedAt: span.endedAt,
                  durationSeconds: span.durationSeconds,
                })
              }
            />
            <Button size="xs" onClick={() => setDraft({})} data-testid="work-add">
              {t('card.add')}
            </Button>
          </Group>
        </Group>
        {ticket.contract ? (
          <WorkUsageAlert contractId={ticket.contract.id} number={ticket.contract.number} />
        ) : null}
        {work.error ? <ProblemMessage error={work.error} /> : null}
        {totals ? (
          <Group gap="lg" data-testid="work-totals">
            <Text size="sm">
              {t('card.done')}: <b>{hoursMinutes(totals.durationSeconds)}</b>
            </Text>
            <Text size="sm">
              {t('card.billed')}: <b>{hoursMinutes(totals.billedSeconds)}</b>
            </Text>
            <Text size="sm">
              {t('card.amount')}: <b>{money(totals.amount)}</b>
            </Text>
          </Group>
        ) : null}
        {entries.length === 0 && !work.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('card.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="work-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th>{t('columns.who')}</Table.Th>
                  <Table.Th>{t('columns.activity')}</Table.Th>
                  <Table.Th>{t('columns.done')}</Table.Th>
                  <Table.Th>{t('columns.billed')}</Table.Th>
                  <Table.Th>{t('columns.kind')}</Table.Th>
                  <Table.Th>{t('columns.description')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id} data-testid="work-entry">
                    <Table.Td>{format.date(e.workDate)}</Table.Td>
                    <Table.Td>{e.user?.name}</Table.Td>
                    <Table.Td>
                      {e.billingItem
                        ? `${e.billingItem.name} · ${format.number(e.quantityBilled)} ${e.billingItem.unit}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>{hoursMinutes(e.durationSeconds ?? 0)}</Table.Td>
                    <Table.Td>{hoursMinutes(e.billedSeconds)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLORS[e.kind]}>
                        {t(`kind.${e.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{e.description}</div>
                      <WorkEntryFiles ticketId={ticket.id} files={files.data?.get(e.id) ?? []} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <WorkEntryAttachButton ticketId={ticket.id} entryId={e.id} />
                        <Tooltip label={t('card.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('card.edit')}
                            onClick={() => setDraft({ entry: e })}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('card.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('card.delete')}
                            onClick={() => setDeleting(e)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common:close') }}
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={t('card.delete')}
      >
        <Stack>
          <Text size="sm">{t('card.deleteConfirm')}</Text>
          {remove.error ? <ProblemMessage error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('form.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={confirmDelete}>
              {t('card.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {draft ? (
        <WorkEntryModal
          ticketId={ticket.id}
          draft={draft}
          defaultKind={ticket.warranty ? 'warranty' : 'billable'}
          onClose={() => setDraft(null)}
        />
      ) : null}
    </Card>
  );
}
