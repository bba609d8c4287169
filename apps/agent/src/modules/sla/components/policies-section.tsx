import {
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
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import { useListEditor } from '../../../shared/forms/use-list-editor';
import { useRoutingLookups } from '../../assignment/components/use-lookups';
import { useDuration } from '../sla-time';
import type { SlaPolicy } from '../api';
import { useSaveSlaPolicy, useSlaCalendars, useSlaPolicies } from '../hooks';
import { PolicyForm } from './policy-form';
import { useEquipmentTypes } from '../../registers/hooks';

/** SLA policies in the order they are tried: conditions, calendar, targets; on/off and edit. */
export function PoliciesSection() {
  const { t } = useTranslation(['slaAdmin', 'common', 'admin']);
  const errorText = useErrorText();
  const policies = useSlaPolicies();
  const calendars = useSlaCalendars();
  const save = useSaveSlaPolicy();
  const { nameOf } = useRoutingLookups();
  const equipmentTypes = useEquipmentTypes();
  const typeName = (id: string) =>
    equipmentTypes.data?.items.find((x) => x.id === id)?.name ?? `#${id.slice(0, 8)}`;
  const duration = useDuration();
  const editor = useListEditor<SlaPolicy>(() => policies.refetch());
  const list = policies.data ?? [];
  const calendarName = new Map((calendars.data ?? []).map((c) => [c.id, c.name]));
  const notify = (message: string, color = 'green') => notifications.show({ color, message });

  const conditions = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      c.organizationIds.length
        ? `${t('policies.organizations')}: ${c.organizationIds.map(nameOf).join(', ')}`
        : null,
      c.priorities.length
        ? `${t('policies.priorities')}: ${c.priorities.map((x) => t(`common:priority.${x}`)).join(', ')}`
        : null,
      c.typeIds.length ? `${t('policies.types')}: ${c.typeIds.map(nameOf).join(', ')}` : null,
      // Contracts and objects are many: their number here, their names in the form.
      c.contractIds.length ? `${t('policies.contracts')}: ${c.contractIds.length}` : null,
      c.serviceObjectIds.length
        ? `${t('policies.serviceObjects')}: ${c.serviceObjectIds.length}`
        : null,
      c.equipmentTypeIds.length
        ? `${t('policies.equipmentTypes')}: ${c.equipmentTypeIds.map(typeName).join(', ')}`
        : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('policies.any');
  };
  const target = (s: number | null) => (s == null ? t('policies.notMeasured') : duration(s * 1000));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id="policies-heading">
          {t('policies.title')}
        </Title>
        <Button
          onClick={() => editor.open()}
          disabled={!calendars.data?.length}
          data-testid="policy-create"
        >
          {t('policies.create')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" maw={820}>
        {t('policies.hint')}
      </Text>
      {policies.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : policies.isError ? (
        <ProblemMessage error={policies.error} />
      ) : list.length === 0 ? (
        <Text py="lg">{t('policies.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table
            verticalSpacing="xs"
            aria-labelledby="policies-heading"
            data-testid="policies-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('policies.position')}</Table.Th>
                <Table.Th>{t('policies.name')}</Table.Th>
                <Table.Th>{t('policies.conditions')}</Table.Th>
                <Table.Th>{t('policies.calendar')}</Table.Th>
                <Table.Th>{t('policies.targets')}</Table.Th>
                <Table.Th>{t('policies.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr
                  key={p.id}
                  data-testid={`policy-row-${p.id}`}
                  data-name={p.name}
                  style={p.active ? undefined : { color: 'var(--mantine-color-gray-7)' }}
                >
                  <Table.Td>{p.position}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    {!p.active && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('policies.retired')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td maw={300}>
                    <Text size="sm">{conditions(p)}</Text>
                  </Table.Td>
                  <Table.Td>{calendarName.get(p.calendarId) ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('policies.firstResponse')}: {target(p.firstResponseSeconds)}
                    </Text>
                    <Text size="sm">
                      {t('policies.resolution')}: {target(p.resolutionSeconds)}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t('policies.reminder')}{' '}
                      {t('policies.reminderValue', { percent: p.reminderPercent })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={p.active}
                      onChange={(e) =>
                        save.mutate(
                          {
                            id: p.id,
                            body: { active: e.currentTarget.checked, version: p.version },
                          },
                          { onError: (error) => notify(errorText(error), 'red') },
                        )
                      }
                      aria-label={`${t('policies.active')}: ${p.name}`}
                      data-testid="policy-active"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => editor.open(p)}
                      aria-label={t('admin:list.editLabel', { name: p.name })}
                      data-testid="policy-edit"
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
        opened={editor.editing !== null}
        onClose={editor.close}
        title={editor.editing?.record ? t('policies.edit') : t('policies.create')}
        size="xl"
      >
        {editor.editing && (
          <PolicyForm
            key={editor.formKey}
            policy={editor.editing.record}
            onDone={() => {
              editor.close();
              notify(t('policies.saved'));
            }}
            onCancel={editor.close}
            onReload={editor.reload}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
