import { useId, useState } from 'react';
import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemMessage, useErrorText, useTranslatedName } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import type { Workflow } from '../api';
import { useDeleteWorkflow, useWorkflowList } from '../hooks';
import { InstallPresetModal } from './install-preset-modal';

/** The workflows: open one in the editor, install a preset, start an empty one, delete. */
export function WorkflowsSection() {
  const { t } = useTranslation(['workflows', 'admin', 'common']);
  const tn = useTranslatedName();
  const errorText = useErrorText();
  const headingId = useId();
  const navigate = useNavigate();
  const list = useWorkflowList();
  const remove = useDeleteWorkflow();
  const [installing, setInstalling] = useState(false);
  const [deleting, setDeleting] = useState<Workflow | null>(null);
  const workflows = list.data ?? [];

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('list.deleted', { name: tn(deleting.name) }),
        });
        setDeleting(null);
      },
      onError: (error) => {
        notifications.show({
          color: 'red',
          message: errorText(error),
        });
        setDeleting(null);
      },
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id={headingId}>
          {t('admin:tabs.workflows')}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            component={Link}
            to="/admin/workflows/new"
            data-testid="workflow-create"
          >
            {t('list.create')}
          </Button>
          <Button onClick={() => setInstalling(true)} data-testid="workflow-install-open">
            {t('presets.open')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('list.intro')}
      </Text>
      {list.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : list.isError ? (
        <ProblemMessage error={list.error} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.name')}</Table.Th>
                <Table.Th>{t('list.key')}</Table.Th>
                <Table.Th>{t('list.statuses')}</Table.Th>
                <Table.Th>{t('list.transitions')}</Table.Th>
                <Table.Th>{t('list.version')}</Table.Th>
                <Table.Th>{t('admin:columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workflows.map((w) => (
                <Table.Tr key={w.id} data-testid={`workflow-row-${w.key}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tn(w.name)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none">
                      {w.key}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{w.statuses.length}</Table.Td>
                  <Table.Td>
                    {w.transitions.length}
                    {w.autoTransitions.length > 0 &&
                      ` + ${t('list.auto', { count: w.autoTransitions.length })}`}
                  </Table.Td>
                  <Table.Td>{w.version}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        component={Link}
                        to={`/admin/workflows/${w.id}`}
                        aria-label={t('admin:list.editLabel', { name: tn(w.name) })}
                        data-testid="workflow-edit"
                      >
                        {t('admin:list.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(w)}
                        aria-label={t('list.deleteLabel', { name: tn(w.name) })}
                        data-testid="workflow-delete"
                      >
                        {t('list.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {installing && (
        <InstallPresetModal
          existing={workflows}
          onClose={() => setInstalling(false)}
          onInstalled={(w) => {
            setInstalling(false);
            notifications.show({
              color: 'green',
              message: t('presets.installed', { name: tn(w.name) }),
            });
            void navigate(`/admin/workflows/${w.id}`);
          }}
        />
      )}
      <RecordModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('list.deleteTitle', { name: deleting ? tn(deleting.name) : '' })}
      >
        <Stack>
          <Text size="sm">{t('list.deleteBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={confirmDelete}
              data-testid="workflow-confirm-delete"
            >
              {t('list.delete')}
            </Button>
          </Group>
        </Stack>
      </RecordModal>
    </Stack>
  );
}
