import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { STATUS_CATEGORIES, type StatusCategory } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { newStatus, withoutStatus, type StatusDraft, type WorkflowDraft } from '../editor-model';
import { NAME_LANGS } from '../../../shared/forms/names-inputs';

interface StatusesTableProps {
  draft: WorkflowDraft;
  onChange: (update: (draft: WorkflowDraft) => WorkflowDraft) => void;
  /** Messages by the API's field path (`statuses[2].key`). */
  errors: Record<string, string>;
}

/** One row per status: key, names, category and the flags; rows can be added and removed. */
export function StatusesTable({ draft, onChange, errors }: StatusesTableProps) {
  const { t } = useTranslation('workflows');
  const set = (uid: string, patch: Partial<StatusDraft>) =>
    onChange((d) => ({
      ...d,
      statuses: d.statuses.map((s) => {
        if (s.uid === uid) return { ...s, ...patch };
        // Exactly one initial status: choosing one clears the others.
        return patch.isInitial ? { ...s, isInitial: false } : s;
      }),
    }));
  const label = (s: StatusDraft, i: number) =>
    s.name.en || s.key || t('statuses.row', { n: i + 1 });

  return (
    <Table.ScrollContainer minWidth={1150}>
      <Table verticalSpacing={4} horizontalSpacing={6} data-testid="statuses-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statuses.key')}</Table.Th>
            <Table.Th>{t('statuses.nameEn')}</Table.Th>
            <Table.Th>{t('statuses.nameRu')}</Table.Th>
            <Table.Th>{t('statuses.nameCs')}</Table.Th>
            <Table.Th>{t('statuses.category')}</Table.Th>
            <Table.Th>{t('statuses.initial')}</Table.Th>
            <Table.Th>{t('statuses.final')}</Table.Th>
            <Table.Th>{t('statuses.pausesSla')}</Table.Th>
            <Table.Th>{t('statuses.postponeMaxDays')}</Table.Th>
            <Table.Th>{t('statuses.readOnly')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('statuses.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.statuses.map((s, i) => {
            const row = label(s, i);
            return (
              <Table.Tr key={s.uid} data-testid={`status-row-${i}`}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    w={130}
                    aria-label={t('statuses.keyOf', { name: row })}
                    value={s.key}
                    onChange={(e) => set(s.uid, { key: e.currentTarget.value })}
                    error={errors[`statuses[${i}].key`]}
                    data-testid={`status-key-${i}`}
                  />
                </Table.Td>
                {NAME_LANGS.map((lang) => (
                  <Table.Td key={lang}>
                    <TextInput
                      size="xs"
                      w={150}
                      aria-label={t(`statuses.nameOf_${lang}`, { name: row })}
                      value={s.name[lang]}
                      onChange={(e) =>
                        set(s.uid, { name: { ...s.name, [lang]: e.currentTarget.value } })
                      }
                      error={errors[`statuses[${i}].name.${lang}`]}
                      data-testid={`status-name-${lang}-${i}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    w={120}
                    aria-label={t('statuses.categoryOf', { name: row })}
                    data={STATUS_CATEGORIES.map((c) => ({
                      value: c,
                      label: t(`common:statusCategory.${c}`),
                    }))}
                    value={s.category}
                    onChange={(e) =>
                      set(s.uid, { category: e.currentTarget.value as StatusCategory })
                    }
                    error={errors[`statuses[${i}].category`]}
                    data-testid={`status-category-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('statuses.initialOf', { name: row })}
                    checked={s.isInitial}
                    onChange={(e) => set(s.uid, { isInitial: e.currentTarget.checked })}
                    data-testid={`status-initial-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('statuses.finalOf', { name: row })}
                    checked={s.isFinal}
                    onChange={(e) => set(s.uid, { isFinal: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('statuses.pausesSlaOf', { name: row })}
                    checked={s.pausesSla}
                    onChange={(e) => set(s.uid, { pausesSla: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    w={90}
                    min={1}
                    max={3650}
                    allowDecimal={false}
                    aria-label={t('statuses.postponeMaxDaysOf', { name: row })}
                    value={s.postponeMaxDays ?? ''}
                    onChange={(v) =>
                      set(s.uid, { postponeMaxDays: typeof v === 'number' ? v : null })
                    }
                    error={errors[`statuses[${i}].postponeMaxDays`]}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('statuses.readOnlyOf', { name: row })}
                    checked={s.readOnly}
                    onChange={(e) => set(s.uid, { readOnly: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('statuses.remove', { name: row })}
                    title={t('statuses.remove', { name: row })}
                    onClick={() => onChange((d) => withoutStatus(d, s.uid))}
                    data-testid={`status-remove-${i}`}
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
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange((d) => ({ ...d, statuses: [...d.statuses, newStatus()] }))}
          data-testid="status-add"
        >
          {t('statuses.add')}
        </Button>
      </Group>
    </Table.ScrollContainer>
  );
}
