import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { AUTO_TRANSITION_TRIGGERS, type AutoTransitionTrigger } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import { newAutoTransition, type AutoTransitionDraft, type WorkflowDraft } from '../editor-model';

interface AutoTransitionsTableProps {
  draft: WorkflowDraft;
  onChange: (update: (draft: WorkflowDraft) => WorkflowDraft) => void;
  errors: Record<string, string>;
}

/** Timed and event transitions the scheduler makes: in status S, on a trigger, move to T. */
export function AutoTransitionsTable({ draft, onChange, errors }: AutoTransitionsTableProps) {
  const { t } = useTranslation('workflows');
  const statusOptions = draft.statuses.map((s, i) => ({
    value: s.uid,
    label: s.name.en || s.key || t('statuses.row', { n: i + 1 }),
  }));
  const set = (uid: string, patch: Partial<AutoTransitionDraft>) =>
    onChange((d) => ({
      ...d,
      autoTransitions: d.autoTransitions.map((a) => (a.uid === uid ? { ...a, ...patch } : a)),
    }));
  const add = () =>
    onChange((d) => {
      const from = d.statuses.find((s) => !s.isFinal) ?? d.statuses[0];
      const to = d.statuses.find((s) => s.uid !== from?.uid) ?? from;
      if (!from || !to) return d;
      return { ...d, autoTransitions: [...d.autoTransitions, newAutoTransition(from.uid, to.uid)] };
    });

  return (
    <Table.ScrollContainer minWidth={850}>
      <Table verticalSpacing={4} horizontalSpacing={6} data-testid="auto-transitions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auto.status')}</Table.Th>
            <Table.Th>{t('auto.trigger')}</Table.Th>
            <Table.Th>{t('auto.afterHours')}</Table.Th>
            <Table.Th>{t('auto.to')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('statuses.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.autoTransitions.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  {t('auto.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {draft.autoTransitions.map((a, i) => (
            <Table.Tr key={a.uid} data-testid={`auto-row-${i}`}>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  w={170}
                  aria-label={t('auto.statusOf', { n: i + 1 })}
                  data={statusOptions}
                  value={a.status}
                  onChange={(e) => set(a.uid, { status: e.currentTarget.value })}
                  error={errors[`autoTransitions[${i}].status`]}
                />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  w={290}
                  aria-label={t('auto.triggerOf', { n: i + 1 })}
                  data={AUTO_TRANSITION_TRIGGERS.map((tr) => ({
                    value: tr,
                    label: t(`triggers.${tr}`),
                  }))}
                  value={a.trigger}
                  onChange={(e) =>
                    set(a.uid, { trigger: e.currentTarget.value as AutoTransitionTrigger })
                  }
                  error={errors[`autoTransitions[${i}].trigger`]}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={110}
                  min={0}
                  decimalScale={2}
                  disabled={a.trigger !== 'after_time'}
                  aria-label={t('auto.afterHoursOf', { n: i + 1 })}
                  value={a.trigger === 'after_time' ? (a.afterHours ?? '') : ''}
                  onChange={(v) => set(a.uid, { afterHours: typeof v === 'number' ? v : null })}
                  error={errors[`autoTransitions[${i}].afterSeconds`]}
                />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  w={170}
                  aria-label={t('auto.toOf', { n: i + 1 })}
                  data={statusOptions}
                  value={a.to}
                  onChange={(e) => set(a.uid, { to: e.currentTarget.value })}
                  error={errors[`autoTransitions[${i}].to`]}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('auto.remove', { n: i + 1 })}
                  title={t('auto.remove', { n: i + 1 })}
                  onClick={() =>
                    onChange((d) => ({
                      ...d,
                      autoTransitions: d.autoTransitions.filter((x) => x.uid !== a.uid),
                    }))
                  }
                >
                  ✕
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={add} data-testid="auto-add">
          {t('auto.add')}
        </Button>
      </Group>
    </Table.ScrollContainer>
  );
}
