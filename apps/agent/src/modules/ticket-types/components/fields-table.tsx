import { useId, useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useErrorText, useTranslatedName } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import type { TicketType, TicketTypeField } from '../api';
import { useDeactivateField, useSaveField } from '../hooks';
import { FieldForm } from './field-form';

interface FieldsTableProps {
  type: TicketType;
  onReload: () => Promise<void>;
}

const yes = '✓';

/** The custom fields of one type: add, edit, deactivate (tickets keep values), reactivate. */
export function FieldsTable({ type, onReload }: FieldsTableProps) {
  const { t } = useTranslation(['ticketTypes', 'admin', 'common']);
  const tn = useTranslatedName();
  const errorText = useErrorText();
  const headingId = useId();
  const deactivate = useDeactivateField(type.id);
  const save = useSaveField(type.id);
  const [editing, setEditing] = useState<{ field?: TicketTypeField } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const notify = (color: string, message: string) => notifications.show({ color, message });
  const fail = (error: Error) => notify('red', errorText(error));

  const fields = [...type.fields].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={4} id={headingId}>
          {t('fields.title')}
        </Title>
        <Button
          size="sm"
          onClick={() => {
            setEditing({});
            setFormKey((k) => k + 1);
          }}
          data-testid="field-create"
        >
          {t('fields.add')}
        </Button>
      </Group>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="fields-empty">
          {t('fields.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.kind')}</Table.Th>
                <Table.Th>{t('fields.required')}</Table.Th>
                <Table.Th>{t('fields.clientVisibleShort')}</Table.Th>
                <Table.Th>{t('fields.clientEditableShort')}</Table.Th>
                <Table.Th>{t('admin:columns.status')}</Table.Th>
                <Table.Th>{t('admin:columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.id} data-testid={`field-row-${f.key}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tn(f.name)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.key}
                      {f.options.length > 0 &&
                        ` · ${t('fields.optionCount', { count: f.options.length })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`kinds.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.required ? yes : ''}</Table.Td>
                  <Table.Td>{f.clientVisible ? yes : ''}</Table.Td>
                  <Table.Td>{f.clientEditable ? yes : ''}</Table.Td>
                  <Table.Td>
                    <Badge color={f.active ? 'green' : 'gray'} variant="dot">
                      {f.active ? t('admin:list.statusActive') : t('admin:list.statusInactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => {
                          setEditing({ field: f });
                          setFormKey((k) => k + 1);
                        }}
                        aria-label={t('admin:list.editLabel', { name: tn(f.name) })}
                        data-testid="field-edit"
                      >
                        {t('admin:list.edit')}
                      </Button>
                      {f.active ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={deactivate.isPending && deactivate.variables === f.id}
                          onClick={() =>
                            deactivate.mutate(f.id, {
                              onSuccess: () => notify('green', t('fields.deactivated')),
                              onError: fail,
                            })
                          }
                          aria-label={t('admin:list.deactivateLabel', { name: tn(f.name) })}
                          data-testid="field-deactivate"
                        >
                          {t('admin:list.deactivate')}
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          loading={save.isPending && save.variables?.id === f.id}
                          onClick={() =>
                            save.mutate(
                              { id: f.id, body: { active: true, version: f.version } },
                              { onError: fail },
                            )
                          }
                          aria-label={t('admin:list.reactivateLabel', { name: tn(f.name) })}
                          data-testid="field-reactivate"
                        >
                          {t('admin:list.reactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.field ? t('fields.edit') : t('fields.add')}
        size="xl"
      >
        {editing && (
          <FieldForm
            key={formKey}
            typeId={type.id}
            field={editing.field}
            onDone={() => {
              setEditing(null);
              notify('green', t('admin:saved'));
            }}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              await onReload();
              setEditing(null);
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
