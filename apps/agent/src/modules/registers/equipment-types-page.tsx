import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useTranslatedName } from '@relaydesk/web-ui';
import { RecordModal } from '../../shared/forms/record-modal';
import { preloadStrings } from '../../lazy-strings';
import type { EquipmentType } from './api';
import { EquipmentTypeForm } from './equipment-type-form';
import { useEquipmentTypes } from './hooks';
import { useMayManageRegisters } from './registers-shared';

preloadStrings(['ticketTypes']);

/** The equipment catalogue's types and their custom fields. */
export function EquipmentTypesPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('types.title')} · ${t('common:appName')}`);
  const manage = useMayManageRegisters();
  const name = useTranslatedName();
  const types = useEquipmentTypes();
  const [editing, setEditing] = useState<EquipmentType | 'new' | null>(null);
  const items = types.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        {manage && (
          <Button onClick={() => setEditing('new')} data-testid="type-create">
            {t('types.create')}
          </Button>
        )}
      </Group>
      <ProblemMessage error={types.error} />
      {items.length === 0 && !types.isLoading ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
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
      )}
      <RecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('types.create') : t('types.edit')}
        size="xl"
      >
        {editing !== null && (
          <EquipmentTypeForm
            // After a conflict's reload the fresh version is the list's, the input stays.
            record={
              editing === 'new' ? undefined : (items.find((x) => x.id === editing.id) ?? editing)
            }
            onDone={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: t('common.saved') });
            }}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              await types.refetch();
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
