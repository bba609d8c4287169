import { Fragment, useState } from 'react';
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import type { WebhookEndpoint } from '../api';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
  useWebhooks,
} from '../hooks';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm, type WebhookDraft } from './webhook-form';
import { WebhookSecret } from './webhook-secret';

type Editing = { endpoint: WebhookEndpoint | null } | null;
type ShownSecret = { secret: string; previousUntil: string | null } | null;

/** Administration > Webhooks: endpoints, their secrets (shown once) and their delivery logs. */
export function WebhooksSection() {
  const { t } = useTranslation(['webhooksAdmin', 'common']);
  const format = useFormat();
  const list = useWebhooks();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<ShownSecret>(null);
  const [open, setOpen] = useState<string | null>(null);

  if (list.error) return <ProblemMessage error={list.error} />;
  if (!list.data) return <Loader role="status" aria-label="Loading" />;

  const save = (draft: WebhookDraft) => {
    const target = editing?.endpoint;
    if (!target) {
      create.mutate(draft, {
        onSuccess: (created) => {
          setEditing(null);
          setSecret({ secret: created.secret, previousUntil: null });
        },
      });
      return;
    }
    update.mutate(
      { id: target.id, body: { ...draft, version: target.version } },
      { onSuccess: () => setEditing(null) },
    );
  };

  const rotateSecret = (endpoint: WebhookEndpoint) => {
    if (!window.confirm(t('rotateConfirm'))) return;
    rotate.mutate(endpoint.id, {
      onSuccess: (r) =>
        setSecret({ secret: r.secret, previousUntil: format.dateTime(r.previousSecretExpiresAt) }),
    });
  };

  const stateBadge = (e: WebhookEndpoint) =>
    e.active ? (
      <Badge color="green" variant="dot" miw="max-content">
        {t('state.active')}
      </Badge>
    ) : (
      <Badge
        color={e.disabledAt ? 'red' : 'gray'}
        variant="dot"
        miw="max-content"
        title={e.disabledReason ?? ''}
      >
        {e.disabledAt ? t('state.disabledAuto') : t('state.inactive')}
      </Badge>
    );

  return (
    <Stack gap="md" data-testid="webhooks-section">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{t('title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('hint')}
          </Text>
        </div>
        <Button onClick={() => setEditing({ endpoint: null })} data-testid="webhook-add">
          {t('add')}
        </Button>
      </Group>
      {(remove.error || rotate.error) && <ProblemMessage error={remove.error ?? rotate.error} />}
      {list.data.length === 0 ? (
        <Text size="sm">{t('empty')}</Text>
      ) : (
        <Table withTableBorder data-testid="webhooks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('url')}</Table.Th>
              <Table.Th>{t('events')}</Table.Th>
              <Table.Th>{t('stateLabel')}</Table.Th>
              <Table.Th>{t('lastStatus')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((e) => (
              <Fragment key={e.id}>
                <Table.Tr data-testid="webhook-row">
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    <Text size="sm">{e.url}</Text>
                    {e.description && (
                      <Text size="xs" c="dimmed">
                        {e.description}
                      </Text>
                    )}
                    {e.includeInternalComments && (
                      <Badge size="xs" color="orange" variant="dot" miw="max-content">
                        {t('internalIncluded')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.events.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>{stateBadge(e)}</Table.Td>
                  <Table.Td>
                    {e.lastDelivery ? (
                      <Text size="sm" data-testid="webhook-last-status">
                        {t(`status.${e.lastDelivery.status}`)}
                        {e.lastDelivery.statusCode !== null
                          ? ` · ${e.lastDelivery.statusCode}`
                          : ''}
                        {e.lastDelivery.attemptedAt
                          ? ` · ${format.dateTime(e.lastDelivery.attemptedAt)}`
                          : ''}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('never')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing({ endpoint: e })}
                      >
                        {t('edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setOpen(open === e.id ? null : e.id)}
                        aria-expanded={open === e.id}
                        data-testid="webhook-log-toggle"
                      >
                        {t('log.title')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => rotateSecret(e)}
                        data-testid="webhook-rotate"
                      >
                        {t('rotate')}
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="subtle"
                        onClick={() => window.confirm(t('deleteConfirm')) && remove.mutate(e.id)}
                      >
                        {t('delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {open === e.id && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <WebhookDeliveries endpointId={e.id} />
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
        title={editing?.endpoint ? t('editTitle') : t('addTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        {editing && (
          <WebhookForm
            endpoint={editing.endpoint}
            error={editing.endpoint ? update.error : create.error}
            pending={create.isPending || update.isPending}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={t('secretTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:close') }}
        closeOnClickOutside={false}
      >
        {secret && (
          <WebhookSecret
            secret={secret.secret}
            previousUntil={secret.previousUntil}
            onDone={() => setSecret(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
