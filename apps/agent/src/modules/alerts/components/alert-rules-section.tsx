import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import { useListEditor } from '../../../shared/forms/use-list-editor';
import { useRoutingLookups } from '../../assignment/components/use-lookups';
import type { AlertRule } from '../api';
import { useAlertRules, useDeleteAlertRule, useSaveAlertRule } from '../hooks';
import { AlertRuleForm } from './alert-rule-form';
import { AlertSetup } from './alert-setup';

/** "Zabbix · host matches pattern db-*" and "group: DBA · priority: High" lines of a rule. */
function useRuleSummary() {
  const { t } = useTranslation(['alertRules', 'common']);
  const { nameOf } = useRoutingLookups();
  const conditions = (r: AlertRule) => {
    const parts = [r.source ? t(`sources.${r.source}`) : t('anySource')];
    for (const m of r.matchers) parts.push(`${m.label} ${t(`ops.${m.op}`)} “${m.value}”`);
    return parts.join(' · ');
  };
  const actions = (r: AlertRule) =>
    [
      r.typeId && `${t('f.typeId')}: ${nameOf(r.typeId)}`,
      r.priority && `${t('f.priority')}: ${t(`common:priority.${r.priority}`)}`,
      r.groupId && `${t('f.groupId')}: ${nameOf(r.groupId)}`,
      r.organizationId && `${t('f.organizationId')}: ${nameOf(r.organizationId)}`,
      r.resolveStatus && `${t('f.resolveStatus')}: ${r.resolveStatus}`,
      r.repeatCommentMinutes !== null &&
        `${t('f.repeatCommentMinutes')}: ${String(r.repeatCommentMinutes)}`,
    ]
      .filter(Boolean)
      .join(' · ') || t('defaults');
  return { conditions, actions };
}

/** Alert rules in the order they are tried (move, switch, edit, delete), and how to connect. */
export function AlertRulesSection() {
  const { t } = useTranslation(['alertRules', 'common', 'admin']);
  const errorText = useErrorText();
  const rules = useAlertRules();
  const save = useSaveAlertRule();
  const remove = useDeleteAlertRule();
  const summary = useRuleSummary();
  const editor = useListEditor<AlertRule>(() => rules.refetch());
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const list = rules.data ?? [];
  const notify = (message: string, color = 'green') => notifications.show({ color, message });

  const patch = (rule: AlertRule, body: { active?: boolean; position?: number }) =>
    save.mutate(
      { id: rule.id, body: { ...body, version: rule.version } },
      { onError: (error) => notify(errorText(error), 'red') },
    );

  let body;
  if (rules.isPending) {
    body = (
      <Center p="xl">
        <Loader role="status" aria-label={t('common:loading')} />
      </Center>
    );
  } else if (rules.isError) {
    body = <ProblemMessage error={rules.error} />;
  } else if (list.length === 0) {
    body = <Text py="lg">{t('empty')}</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={820}>
        <Table
          verticalSpacing="xs"
          aria-labelledby="alert-rules-heading"
          data-testid="alert-rules-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('position')}</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('conditions')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
              <Table.Th>{t('active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((rule, i) => (
              <Table.Tr
                key={rule.id}
                data-testid={`alert-rule-row-${rule.id}`}
                data-name={rule.name}
                style={rule.active ? undefined : { color: 'var(--mantine-color-gray-7)' }}
              >
                <Table.Td>{rule.position}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{summary.conditions(rule)}</Text>
                </Table.Td>
                <Table.Td maw={300}>
                  <Text size="sm">{summary.actions(rule)}</Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={rule.active}
                    onChange={(e) => patch(rule, { active: e.currentTarget.checked })}
                    aria-label={t('activeLabel', { name: rule.name })}
                    data-testid="alert-rule-active"
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      disabled={i === 0 || save.isPending}
                      onClick={() => patch(rule, { position: rule.position - 1 })}
                      aria-label={t('moveUpLabel', { name: rule.name })}
                      title={t('moveUp')}
                      data-testid="alert-rule-up"
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={i === list.length - 1 || save.isPending}
                      onClick={() => patch(rule, { position: rule.position + 1 })}
                      aria-label={t('moveDownLabel', { name: rule.name })}
                      title={t('moveDown')}
                      data-testid="alert-rule-down"
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => editor.open(rule)}
                      aria-label={t('editLabel', { name: rule.name })}
                      data-testid="alert-rule-edit"
                    >
                      {t('admin:list.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      c="red.9"
                      onClick={() => setDeleting(rule)}
                      aria-label={t('deleteLabel', { name: rule.name })}
                      data-testid="alert-rule-delete"
                    >
                      {t('delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id="alert-rules-heading">
          {t('title')}
        </Title>
        <Button onClick={() => editor.open()} data-testid="alert-rule-create">
          {t('create')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" maw={820}>
        {t('hint')}
      </Text>
      {body}
      <Divider />
      <AlertSetup />
      <RecordModal
        opened={editor.editing !== null}
        onClose={editor.close}
        title={editor.editing?.record ? t('edit') : t('create')}
        size="xl"
      >
        {editor.editing && (
          <AlertRuleForm
            key={editor.formKey}
            rule={editor.editing.record}
            onDone={() => {
              editor.close();
              notify(t('saved'));
            }}
            onCancel={editor.close}
            onReload={editor.reload}
          />
        )}
      </RecordModal>
      <RecordModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('deleteLabel', { name: deleting?.name ?? '' })}
      >
        <Stack>
          <Text size="sm">{t('confirmDelete', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    setDeleting(null);
                    notify(t('deleted'));
                  },
                  onError: (error) => notify(errorText(error), 'red'),
                })
              }
              data-testid="alert-rule-confirm-delete"
            >
              {t('delete')}
            </Button>
          </Group>
        </Stack>
      </RecordModal>
    </Stack>
  );
}
