import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { ROLES, TRANSITION_REQUIRABLE_FIELDS, type Role } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { newTransition, type TransitionDraft, type WorkflowDraft } from '../editor-model';

interface TransitionsTableProps {
  draft: WorkflowDraft;
  onChange: (update: (draft: WorkflowDraft) => WorkflowDraft) => void;
  errors: Record<string, string>;
  /** Custom fields of the ticket types on this workflow, as `custom:<key>` options. */
  customFields: { value: string; label: string }[];
}

type Flag =
  | 'allowRequester'
  | 'allowAssignee'
  | 'requiresPostpone'
  | 'commentRequired'
  | 'requiresDuplicateOf';
const FLAGS: Flag[] = [
  'allowRequester',
  'allowAssignee',
  'requiresPostpone',
  'commentRequired',
  'requiresDuplicateOf',
];

/** One row per manual transition: from, to, who may make it and what it needs. */
export function TransitionsTable({ draft, onChange, errors, customFields }: TransitionsTableProps) {
  const { t } = useTranslation('workflows');
  const statusOptions = draft.statuses.map((s, i) => ({
    value: s.uid,
    label: s.name.en || s.key || t('statuses.row', { n: i + 1 }),
  }));
  const nameOf = new Map(statusOptions.map((o) => [o.value, o.label]));
  const fieldOptions = [
    ...TRANSITION_REQUIRABLE_FIELDS.map((f) => ({ value: f, label: t(`requiredFields.${f}`) })),
    ...customFields,
  ];
  const set = (uid: string, patch: Partial<TransitionDraft>) =>
    onChange((d) => ({
      ...d,
      transitions: d.transitions.map((tr) => (tr.uid === uid ? { ...tr, ...patch } : tr)),
    }));
  const add = () =>
    onChange((d) => {
      const from = d.statuses.find((s) => !s.isFinal) ?? d.statuses[0];
      const to = d.statuses.find((s) => s.uid !== from?.uid) ?? from;
      if (!from || !to) return d;
      return { ...d, transitions: [...d.transitions, newTransition(from.uid, to.uid)] };
    });

  return (
    <Table.ScrollContainer minWidth={1250}>
      <Table verticalSpacing={4} horizontalSpacing={6} data-testid="transitions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('transitions.from')}</Table.Th>
            <Table.Th>{t('transitions.to')}</Table.Th>
            <Table.Th>{t('transitions.roles')}</Table.Th>
            {FLAGS.map((f) => (
              <Table.Th key={f} style={{ maxWidth: 90 }}>
                {t(`transitions.${f}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('transitions.requiredFields')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('statuses.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.transitions.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={FLAGS.length + 5}>
                <Text size="sm" c="dimmed">
                  {t('transitions.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {draft.transitions.map((tr, i) => {
            const row = t('transitions.rowName', {
              from: nameOf.get(tr.from) ?? '?',
              to: nameOf.get(tr.to) ?? '?',
            });
            const fieldsHere = [
              ...fieldOptions,
              ...tr.requiredFields
                .filter((f) => !fieldOptions.some((o) => o.value === f))
                .map((f) => ({ value: f, label: f })),
            ];
            return (
              <Table.Tr key={tr.uid} data-testid={`transition-row-${i}`}>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    w={150}
                    aria-label={t('transitions.fromOf', { n: i + 1 })}
                    data={statusOptions}
                    value={tr.from}
                    onChange={(e) => set(tr.uid, { from: e.currentTarget.value })}
                    error={errors[`transitions[${i}].from`]}
                    data-testid={`transition-from-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    w={150}
                    aria-label={t('transitions.toOf', { n: i + 1 })}
                    data={statusOptions}
                    value={tr.to}
                    onChange={(e) => set(tr.uid, { to: e.currentTarget.value })}
                    error={errors[`transitions[${i}].to`]}
                    data-testid={`transition-to-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {ROLES.map((role: Role) => (
                      <Checkbox
                        key={role}
                        size="xs"
                        label={t(`common:role.${role}`)}
                        aria-label={t('transitions.roleOf', {
                          role: t(`common:role.${role}`),
                          row,
                        })}
                        checked={tr.allowedRoles.includes(role)}
                        onChange={(e) =>
                          set(tr.uid, {
                            allowedRoles: e.currentTarget.checked
                              ? ROLES.filter((r) => r === role || tr.allowedRoles.includes(r))
                              : tr.allowedRoles.filter((r) => r !== role),
                          })
                        }
                        data-testid={`transition-role-${role}-${i}`}
                      />
                    ))}
                  </Group>
                </Table.Td>
                {FLAGS.map((f) => (
                  <Table.Td key={f}>
                    <Checkbox
                      aria-label={t(`transitions.${f}Of`, { row })}
                      checked={tr[f]}
                      onChange={(e) => set(tr.uid, { [f]: e.currentTarget.checked })}
                      data-testid={`transition-${f}-${i}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <MultiSelect
                    size="xs"
                    w={220}
                    aria-label={t('transitions.requiredFieldsOf', { row })}
                    placeholder={tr.requiredFields.length ? undefined : t('transitions.noFields')}
                    data={fieldsHere}
                    value={tr.requiredFields}
                    onChange={(value) => set(tr.uid, { requiredFields: value })}
                    searchable
                    error={errors[`transitions[${i}].requiredFields`]}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('transitions.remove', { row })}
                    title={t('transitions.remove', { row })}
                    onClick={() =>
                      onChange((d) => ({
                        ...d,
                        transitions: d.transitions.filter((x) => x.uid !== tr.uid),
                      }))
                    }
                    data-testid={`transition-remove-${i}`}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={add} data-testid="transition-add">
          {t('transitions.add')}
        </Button>
      </Group>
    </Table.ScrollContainer>
  );
}
