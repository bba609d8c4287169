import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EquipmentItem } from './api';
import { ItemStatusBadge, useOrganizationNames, WarrantyBadge } from './registers-shared';

/** Equipment items as rows; the register and the object card show them alike. */
export function EquipmentTable({
  items,
  showOrganization = true,
}: {
  items: EquipmentItem[];
  showOrganization?: boolean;
}) {
  const { t } = useTranslation('registers');
  const orgName = useOrganizationNames(showOrganization ? items.map((i) => i.organizationId) : []);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="equipment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('items.type')}</Table.Th>
            <Table.Th>{t('items.model')}</Table.Th>
            <Table.Th>{t('items.serial')}</Table.Th>
            <Table.Th>{t('items.inventory')}</Table.Th>
            {showOrganization && <Table.Th>{t('common.organization')}</Table.Th>}
            <Table.Th>{t('items.object')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="equipment-row">
              <Table.Td>
                <Anchor component={Link} to={`/registers/equipment/${i.id}`}>
                  {i.typeName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[i.manufacturer, i.model].filter(Boolean).join(' ')}</Text>
              </Table.Td>
              <Table.Td>{i.serialNumber}</Table.Td>
              <Table.Td>{i.inventoryNumber}</Table.Td>
              {showOrganization && <Table.Td>{orgName(i.organizationId)}</Table.Td>}
              <Table.Td>{i.serviceObjectName}</Table.Td>
              <Table.Td>
                <ItemStatusBadge status={i.status} /> <WarrantyBadge until={i.warrantyUntil} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
