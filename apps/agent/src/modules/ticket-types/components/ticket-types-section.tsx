import { useId, useState } from 'react';
import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemMessage, useTranslatedName } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import { useWorkflowList } from '../../workflows/hooks';
import { useAdminTicketTypes } from '../hooks';
import { TicketTypeForm } from './ticket-type-form';

/** Ticket types: which workflow each follows, who may file it, its custom fields. */
export function TicketTypesSection() {
  const { t } = useTranslation(['ticketTypes', 'admin', 'common']);
  const tn = useTranslatedName();
  const headingId = useId();
  const navigate = useNavigate();
  const types = useAdminTicketTypes();
  const workflows = useWorkflowList();
  const workflowName = new Map((workflows.data ?? []).map((w) => [w.id, tn(w.name)]));
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id={headingId}>
          {t('admin:tabs.ticketTypes')}
        </Title>
        <Button onClick={() => setCreating(true)} data-testid="type-create">
          {t('list.create')}
        </Button>
      </Group>
      {types.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : types.isError ? (
        <ProblemMessage error={types.error} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.name')}</Table.Th>
                <Table.Th>{t('list.workflow')}</Table.Th>
                <Table.Th>{t('list.audience')}</Table.Th>
                <Table.Th>{t('list.priority')}</Table.Th>
                <Table.Th>{t('list.fields')}</Table.Th>
                <Table.Th>{t('admin:columns.status')}</Table.Th>
                <Table.Th>{t('admin:columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(types.data ?? []).map((type) => (
                <Table.Tr key={type.id} data-testid={`type-row-${type.key}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tn(type.name)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {type.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>{workflowName.get(type.workflowId) ?? '—'}</Table.Td>
                  <Table.Td>{type.isPublic ? t('list.public') : t('list.internal')}</Table.Td>
                  <Table.Td>{t(`common:priority.${type.defaultPriority}`)}</Table.Td>
                  <Table.Td>
                    {t('list.fieldCount', {
                      count: type.fields.filter((f) => f.active).length,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={type.active ? 'green' : 'gray'} variant="dot">
                      {type.active ? t('admin:list.statusActive') : t('admin:list.statusInactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      component={Link}
                      to={`/admin/ticket-types/${type.id}`}
                      aria-label={t('admin:list.editLabel', { name: tn(type.name) })}
                      data-testid="type-edit"
                    >
                      {t('admin:list.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('list.create')}
        size="lg"
      >
        {creating && (
          <TicketTypeForm
            onDone={(saved) => {
              setCreating(false);
              notifications.show({
                color: 'green',
                message: t('admin:saved'),
              });
              void navigate(`/admin/ticket-types/${saved.id}`);
            }}
            onCancel={() => setCreating(false)}
            onReload={async () => undefined}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
