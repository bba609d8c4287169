import { Fragment, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { Mailbox, MailboxTestResult } from '../api';
import { useDeleteMailbox, useMailboxes, useTestMailbox } from '../hooks';
import { MailboxFailedMessages } from './mailbox-failed-messages';
import { MailboxForm } from './mailbox-form';

type Editing = { mailbox: Mailbox | null } | null;

/** Administration > Mailboxes: the support mailboxes polled over IMAP, their health and failures. */
export function MailboxesSection() {
  const { t } = useTranslation(['mailboxesAdmin', 'common']);
  const format = useFormat();
  const list = useMailboxes();
  const remove = useDeleteMailbox();
  const test = useTestMailbox();
  const [editing, setEditing] = useState<Editing>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tested, setTested] = useState<{ id: string; result: MailboxTestResult } | null>(null);

  if (list.error) return <ProblemMessage error={list.error} />;
  if (!list.data) return <Loader role="status" aria-label="Loading" />;

  const runTest = (m: Mailbox) =>
    test.mutate(m.id, { onSuccess: (result) => setTested({ id: m.id, result }) });

  const health = (m: Mailbox) => {
    if (!m.active)
      return (
        <Badge color="gray" variant="dot" miw="max-content">
          {t('state.inactive')}
        </Badge>
      );
    if (m.status.lastError) {
      return (
        <Stack gap={2}>
          <Badge color="red" variant="dot" miw="max-content">
            {t('state.error')}
          </Badge>
          <Text size="xs" c="red" data-testid="mailbox-last-error">
            {m.status.lastError}
          </Text>
          {m.status.lastErrorAt && (
            <Text size="xs" c="dimmed">
              {format.dateTime(m.status.lastErrorAt)}
            </Text>
          )}
        </Stack>
      );
    }
    if (m.status.lastSuccessAt) {
      return (
        <Stack gap={2}>
          <Badge color="green" variant="dot" miw="max-content">
            {t('state.ok')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('lastSuccess', { at: format.dateTime(m.status.lastSuccessAt) })}
          </Text>
        </Stack>
      );
    }
    return (
      <Badge color="gray" variant="dot" miw="max-content">
        {t('state.waiting')}
      </Badge>
    );
  };

  const testResult = (m: Mailbox) => {
    if (tested?.id !== m.id) return null;
    const r = tested.result;
    return (
      <Alert
        color={r.ok ? 'green' : 'red'}
        variant="light"
        role="status"
        data-testid="mailbox-test-result"
        withCloseButton
        closeButtonLabel={t('common:close')}
        onClose={() => setTested(null)}
      >
        {r.ok
          ? t('test.ok', { messages: r.messages ?? 0, unseen: r.unseen ?? 0, ms: r.durationMs })
          : t('test.failed', { error: r.error ?? '' })}
        {r.ok && r.idle === false ? ` ${t('test.noIdle')}` : ''}
      </Alert>
    );
  };

  return (
    <Stack gap="md" data-testid="mailboxes-section">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{t('title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('hint')}
          </Text>
        </div>
        <Button onClick={() => setEditing({ mailbox: null })} data-testid="mailbox-add">
          {t('add')}
        </Button>
      </Group>
      {(remove.error || test.error) && <ProblemMessage error={remove.error ?? test.error} />}
      {list.data.length === 0 ? (
        <Text size="sm">{t('empty')}</Text>
      ) : (
        <Table withTableBorder data-testid="mailboxes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('f.name')}</Table.Th>
              <Table.Th>{t('server')}</Table.Th>
              <Table.Th>{t('stateLabel')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((m) => (
              <Fragment key={m.id}>
                <Table.Tr data-testid="mailbox-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.imapUser} @ {m.imapHost}:{m.imapPort} ({t(`tls.${m.imapTls}`)})
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.folder} → {m.processedFolder} / {m.failedFolder}
                    </Text>
                  </Table.Td>
                  <Table.Td>{health(m)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing({ mailbox: m })}
                      >
                        {t('edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={test.isPending && test.variables === m.id}
                        onClick={() => runTest(m)}
                        data-testid="mailbox-test"
                      >
                        {t('test.button')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setOpen(open === m.id ? null : m.id)}
                        aria-expanded={open === m.id}
                      >
                        {t('failed.button')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          if (window.confirm(t('deleteConfirm', { name: m.name })))
                            remove.mutate(m.id);
                        }}
                      >
                        {t('delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {tested?.id === m.id && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>{testResult(m)}</Table.Td>
                  </Table.Tr>
                )}
                {open === m.id && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <MailboxFailedMessages mailboxId={m.id} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mailbox ? t('editTitle') : t('addTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        {editing && (
          <MailboxForm
            mailbox={editing.mailbox ?? undefined}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              const fresh = await list.refetch();
              const current = fresh.data?.find((x) => x.id === editing.mailbox?.id);
              setEditing({ mailbox: current ?? null });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
