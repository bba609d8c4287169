import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import { useApi, useUser } from '@relaydesk/web-auth';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import { OrganizationSelect } from '../../admin/components/organization-select';
import { mailQuarantineApi, type QuarantinedMail } from '../api';
import { useAcceptMail, useDiscardMail, useQuarantine, useQuarantinedMail } from '../hooks';

preloadStrings(['mailQuarantine', 'admin']);

/** Hands the .eml to the browser's "save" without putting anything in a URL. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One held mail: its text, and accept (with the organization of a new contact) or discard. */
function QuarantineDecision({ mail, onClose }: { mail: QuarantinedMail; onClose: () => void }) {
  const { t } = useTranslation('mailQuarantine');
  const api = useApi();
  const detail = useQuarantinedMail(mail.id);
  const accept = useAcceptMail();
  const discard = useDiscardMail();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<number | null>(null);

  if (accepted !== null) {
    return (
      <Stack>
        <Alert color="green" role="status" data-testid="quarantine-accepted">
          {t('accepted')}{' '}
          <Anchor component={Link} to={`/tickets/${accepted}`}>
            #{accepted}
          </Anchor>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('close')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      <Text size="sm">
        <b>{t('from')}:</b>{' '}
        {mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress}
      </Text>
      {mail.replyTo && (
        <Text size="sm" c="orange" data-testid="quarantine-reply-to">
          {t('replyToDiffers', { address: mail.replyTo })}
        </Text>
      )}
      {mail.reason && (
        <Text size="sm">
          <b>{t('reason')}:</b> {mail.reason}
        </Text>
      )}
      {detail.error && <ProblemMessage error={detail.error} />}
      {!detail.data && !detail.error && <Loader size="sm" role="status" aria-label="Loading" />}
      {detail.data && (
        <>
          <Text
            component="pre"
            size="sm"
            p="sm"
            style={{
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              maxHeight: 320,
              overflow: 'auto',
              background: 'var(--mantine-color-gray-0)',
            }}
            data-testid="quarantine-text"
          >
            {detail.data.text || t('noText')}
          </Text>
          {detail.data.attachmentNames.length > 0 && (
            <Text size="sm">
              <b>{t('files')}:</b> {detail.data.attachmentNames.join(', ')}
            </Text>
          )}
        </>
      )}
      {!mail.knownSender && (
        <>
          <Text size="sm">{t('newContact')}</Text>
          <OrganizationSelect value={organizationId} onChange={setOrganizationId} />
        </>
      )}
      {accept.error && <ProblemMessage error={accept.error} />}
      {discard.error && <ProblemMessage error={discard.error} />}
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() =>
            void mailQuarantineApi
              .raw(api, mail.id)
              .then((b) => saveBlob(b, `message-${mail.id}.eml`))
          }
        >
          {t('download')}
        </Button>
        <Group>
          <Button
            color="red"
            variant="light"
            loading={discard.isPending}
            onClick={() => discard.mutate(mail.id, { onSuccess: onClose })}
            data-testid="quarantine-discard"
          >
            {t('discard')}
          </Button>
          <Button
            loading={accept.isPending}
            disabled={!mail.knownSender && organizationId === null}
            onClick={() =>
              accept.mutate(
                { id: mail.id, organizationId: organizationId ?? undefined },
                { onSuccess: (r) => setAccepted(r.ticket.number) },
              )
            }
            data-testid="quarantine-accept"
          >
            {t('accept')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/**
 * Held inbound mail (admins and dispatchers): strangers under the quarantine policy, senders
 * over the rate limit, and replies to a ticket their sender may not see. Nothing happens to it
 * until someone accepts (a new ticket, never a comment on the ticket it pointed at) or discards.
 */
export default function MailQuarantinePage() {
  const { t } = useTranslation(['mailQuarantine', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const user = useUser();
  const format = useFormat();
  const list = useQuarantine();
  const [open, setOpen] = useState<QuarantinedMail | null>(null);

  if (!roleHasPermission(user.role, Permission.MailQuarantineManage)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('forbidden')}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text size="sm" c="dimmed">
        {t('hint')}
      </Text>
      {list.error && <ProblemMessage error={list.error} />}
      {!list.data && !list.error && <Loader role="status" aria-label="Loading" />}
      {list.data && list.data.items.length === 0 && <Text>{t('empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table withTableBorder highlightOnHover data-testid="quarantine-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('received')}</Table.Th>
              <Table.Th>{t('from')}</Table.Th>
              <Table.Th>{t('subject')}</Table.Th>
              <Table.Th>{t('reason')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((m) => (
              <Table.Tr key={m.id} data-testid="quarantine-row">
                <Table.Td>{format.dateTime(m.receivedAt)}</Table.Td>
                <Table.Td>
                  {m.fromAddress ?? '—'}
                  {m.knownSender ? '' : ` (${t('unknown')})`}
                </Table.Td>
                <Table.Td>{m.subject || t('noSubject')}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {m.reason}
                  </Text>
                  {m.threadTicket && (
                    <Anchor size="sm" component={Link} to={`/tickets/${m.threadTicket.number}`}>
                      {t('pointsAt', { number: m.threadTicket.number })}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setOpen(m)}>
                    {t('open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open?.subject || t('noSubject')}
        size="lg"
      >
        {open && <QuarantineDecision mail={open} onClose={() => setOpen(null)} />}
      </Modal>
    </Stack>
  );
}
