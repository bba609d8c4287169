import { useState } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { preloadStrings } from '../../lazy-strings';
import type { EquipmentType } from './api';
import { EditRecordModal } from './edit-record-modal';
import { EquipmentTypeForm } from './equipment-type-form';
import { useEquipmentTypePages } from './hooks';
import { RegisterListFrame } from './register-list-frame';
import { useMayManageRegisters } from './registers-shared';

preloadStrings(['ticketTypes']);

/** The equipment catalogue's types and their custom fields. */
export function EquipmentTypesPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('types.title')} · ${t('common:appName')}`);
  const manage = useMayManageRegisters();
  const name = useTranslatedName();
  const types = useEquipmentTypePages();
  const [editing, setEditing] = useState<EquipmentType | null>(null);
  const items = types.items;
  const saved = () => notifications.show({ color: 'green', message: t('common.saved') });
  return (
    <RegisterListFrame
      pages={types}
      filtered={false}
      create={
        manage
          ? {
              label: t('types.create'),
              testId: 'type-create',
              size: 'xl',
              form: (close) => (
                <EquipmentTypeForm
                  onDone={() => {
                    close();
                    saved();
                  }}
                  onCancel={close}
                  onReload={async () => undefined}
                />
              ),
            }
          : null
      }
    >
      <Table striped data-testid="types-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('types.name')}</Table.Th>
            <Table.Th>{t('types.fields')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((x) => (
            <Table.Tr key={x.id} data-testid="type-row">
              <Table.Td>
                {manage ? (
                  <Anchor component="button" type="button" onClick={() => setEditing(x)}>
                    {x.name}
                  </Anchor>
                ) : (
                  x.name
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {x.fields.length === 0
                    ? t('types.noFields')
                    : x.fields
                        .filter((f) => f.active)
                        .map((f) => name(f.name))
                        .join(', ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EditRecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('types.edit')}
        size="xl"
        // After a conflict's reload the fresh version is the list's.
        record={editing ? (items.find((x) => x.id === editing.id) ?? editing) : undefined}
        form={EquipmentTypeForm}
        onReload={() => types.refetch()}
      />
    </RegisterListFrame>
  );
}
