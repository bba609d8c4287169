import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Center,
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
import type { AssignmentRule } from '../api';
import { useAssignmentRules, useDeleteAssignmentRule, useSaveAssignmentRule } from '../hooks';
import { RuleForm } from './rule-form';
import { useRoutingLookups } from './use-lookups';

/** "type: A, B · priority: urgent" and "group: L1 · agent: Ann" lines of a rule. */
function useRuleSummary() {
  const { t } = useTranslation(['assignmentAdmin', 'common']);
  const { nameOf } = useRoutingLookups();
  const conditions = (r: AssignmentRule) => {
    const c = r.conditions;
    const parts: string[] = [];
    const ids = (key: 'typeIds' | 'categoryIds' | 'organizationIds' | 'projectIds') => {
      const list = c[key] ?? [];
      if (list.length) parts.push(`${t(`rules.summary.${key}`)}: ${list.map(nameOf).join(', ')}`);
    };
    ids('typeIds');
    ids('categoryIds');
    if (c.priorities?.length)
      parts.push(
        `${t('rules.summary.priorities')}: ${c.priorities.map((p) => t(`common:priority.${p}`)).join(', ')}`,
      );
    ids('organizationIds');
    ids('projectIds');
    if (c.channels?.length)
      parts.push(
        `${t('rules.summary.channels')}: ${c.channels.map((ch) => t(`rules.channels.${ch}`)).join(', ')}`,
      );
    if (c.customField) parts.push(`${c.customField.key} = ${String(c.customField.value)}`);
    if (c.subjectWords?.length)
      parts.push(
        `${t('rules.summary.subjectWords')}: ${c.subjectWords.map((w) => `“${w}”`).join(', ')}`,
      );
    return parts.length ? parts.join(' · ') : t('rules.any');
  };
  const actions = (r: AssignmentRule) => {
    const a = r.actions;
    return [
      a.groupId && `${t('rules.f.groupId')}: ${nameOf(a.groupId)}`,
      a.assigneeId && `${t('rules.f.assigneeId')}: ${nameOf(a.assigneeId)}`,
      a.priority && `${t('rules.f.priority')}: ${t(`common:priority.${a.priority}`)}`,
      a.supportLevel &&
        `${t('rules.f.supportLevel')}: ${t('levelValue', { level: a.supportLevel })}`,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return { conditions, actions };
}

/** Assignment rules in the order they are tried: move up/down, turn on/off, edit, delete. */
export function RulesSection() {
  const { t } = useTranslation(['assignmentAdmin', 'common']);
  const errorText = useErrorText();
  const rules = useAssignmentRules();
  const save = useSaveAssignmentRule();
  const remove = useDeleteAssignmentRule();
  const summary = useRuleSummary();
  const editor = useListEditor<AssignmentRule>(() => rules.refetch());
  const [deleting, setDeleting] = useState<AssignmentRule | null>(null);
  const list = rules.data ?? [];
  const notify = (message: string, color = 'green') => notifications.show({ color, message });

  const patch = (rule: AssignmentRule, body: { active?: boolean; position?: number }) =>
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
    body = <Text py="lg">{t('rules.empty')}</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="xs" aria-labelledby="rules-heading" data-testid="rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.position')}</Table.Th>
              <Table.Th>{t('rules.name')}</Table.Th>
              <Table.Th>{t('rules.conditions')}</Table.Th>
              <Table.Th>{t('rules.actions')}</Table.Th>
              <Table.Th>{t('rules.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((rule, i) => (
              <Table.Tr
                key={rule.id}
                data-testid={`rule-row-${rule.id}`}
                data-name={rule.name}
                style={rule.active ? undefined : { color: 'var(--mantine-color-gray-7)' }}
              >
                <Table.Td>{rule.position}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                  {rule.applyOnUpdate && (
                    <Badge size="xs" variant="light" color="gray">
                      {t('rules.onUpdate')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{summary.conditions(rule)}</Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm">{summary.actions(rule)}</Text>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={rule.active}
                    onChange={(e) => patch(rule, { active: e.currentTarget.checked })}
                    aria-label={t('rules.activeLabel', { name: rule.name })}
                    data-testid="rule-active"
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      disabled={i === 0 || save.isPending}
                      onClick={() => patch(rule, { position: rule.position - 1 })}
                      aria-label={t('rules.moveUpLabel', { name: rule.name })}
                      title={t('rules.moveUp')}
                      data-testid="rule-up"
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={i === list.length - 1 || save.isPending}
                      onClick={() => patch(rule, { position: rule.position + 1 })}
                      aria-label={t('rules.moveDownLabel', { name: rule.name })}
                      title={t('rules.moveDown')}
                      data-testid="rule-down"
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => editor.open(rule)}
                      aria-label={t('rules.editLabel', { name: rule.name })}
                      data-testid="rule-edit"
                    >
                      {t('admin:list.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red.8"
                      onClick={() => setDeleting(rule)}
                      aria-label={t('rules.deleteLabel', { name: rule.name })}
                      data-testid="rule-delete"
                    >
                      {t('rules.delete')}
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
        <Title order={3} id="rules-heading">
          {t('rules.title')}
        </Title>
        <Button onClick={() => editor.open()} data-testid="rule-create">
          {t('rules.create')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" maw={820}>
        {t('rules.hint')}
      </Text>
      {body}
      <RecordModal
        opened={editor.editing !== null}
        onClose={editor.close}
        title={editor.editing?.record ? t('rules.edit') : t('rules.create')}
        size="xl"
      >
        {editor.editing && (
          <RuleForm
            key={editor.formKey}
            rule={editor.editing.record}
            onDone={() => {
              editor.close();
              notify(t('rules.saved'));
            }}
            onCancel={editor.close}
            onReload={editor.reload}
          />
        )}
      </RecordModal>
      <RecordModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('rules.deleteLabel', { name: deleting?.name ?? '' })}
      >
        <Stack>
          <Text size="sm">{t('rules.confirmDelete', { name: deleting?.name ?? '' })}</Text>
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
                    notify(t('rules.deleted'));
                  },
                  onError: (error) => notify(errorText(error), 'red'),
                })
              }
              data-testid="rule-confirm-delete"
            >
              {t('rules.delete')}
            </Button>
          </Group>
        </Stack>
      </RecordModal>
    </Stack>
  );
}
