import { useState } from 'react';
import { Anchor, Button, Grid, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CustomFieldValues } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { CustomFieldList, type CustomFieldDefinition } from '@relaydesk/web-ui/custom-fields';
import { useCustomFieldPickers } from '../tickets/components/custom-fields/use-custom-field-pickers';
import { EquipmentWorkHistory } from '../work-log/components/equipment-work-history';
import { EditRecordModal } from './edit-record-modal';
import { EquipmentItemForm } from './equipment-item-form';
import {
  useEquipmentItem,
  useEquipmentItemPages,
  useEquipmentItems,
  useEquipmentTypes,
} from './hooks';
import { LoadMore } from './register-list-frame';
import {
  DetailRows,
  itemLabel,
  ItemStatusBadge,
  LinkedTickets,
  Section,
  useMayManageRegisters,
  useOrganizationNames,
  WarrantyBadge,
} from './registers-shared';

/**
 * An item's components, each with its own (fetched when shown; the API keeps a chain at most
 * five levels deep), a page at a time.
 */
function ComponentsTree({ parentId }: { parentId: string }) {
  const children = useEquipmentItemPages({ parentId, limit: 100 });
  const items = children.items;
  if (items.length === 0) return null;
  return (
    <>
      <List withPadding listStyleType="disc" data-testid="components-tree">
        {items.map((c) => (
          <List.Item key={c.id}>
            <Anchor component={Link} to={`/registers/equipment/${c.id}`} size="sm">
              {itemLabel(c)}
            </Anchor>
            <ComponentsTree parentId={c.id} />
          </List.Item>
        ))}
      </List>
      <LoadMore pages={children} size="xs" />
    </>
  );
}

/** An equipment item: details and its type's fields, components, tickets and work. */
export function EquipmentCardPage() {
  const { t } = useTranslation(['registers', 'common']);
  const { id = '' } = useParams();
  const item = useEquipmentItem(id);
  const parent = useEquipmentItem(item.data?.parentId);
  const children = useEquipmentItems({ parentId: id, limit: 1 }, !!item.data);
  const types = useEquipmentTypes();
  const manage = useMayManageRegisters();
  const [editing, setEditing] = useState(false);
  const i = item.data;
  const orgName = useOrganizationNames([i?.organizationId]);
  const type = (types.data?.items ?? []).find((x) => x.id === i?.typeId);
  const fields = (type?.fields ?? []) as CustomFieldDefinition[];
  const values = (i?.customFields ?? {}) as CustomFieldValues;
  const { resolveName } = useCustomFieldPickers(fields as never, values);
  useDocumentTitle(`${i ? itemLabel(i) : t('items.title')} · ${t('common:appName')}`);
  if (item.isLoading) return <Loader role="status" aria-label={t('items.title')} />;
  if (!i) {
    return (
      <Stack>
        <ProblemMessage error={item.error} />
        <Anchor component={Link} to="/registers/equipment">
          {t('common.back')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="equipment-card">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{itemLabel(i)}</Title>
          <ItemStatusBadge status={i.status} />
          <WarrantyBadge until={i.warrantyUntil} />
        </Group>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/registers/equipment">
            {t('common.back')}
          </Button>
          {manage && (
            <Button onClick={() => setEditing(true)} data-testid="item-edit">
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section title={t('common.details')}>
            <DetailRows
              rows={[
                [t('items.type'), i.typeName],
                [t('common.organization'), orgName(i.organizationId)],
                [
                  t('items.object'),
                  i.serviceObjectId ? (
                    <Anchor component={Link} to={`/registers/objects/${i.serviceObjectId}`}>
                      {i.serviceObjectName}
                    </Anchor>
                  ) : null,
                ],
                [
                  t('items.parent'),
                  parent.data ? (
                    <Anchor component={Link} to={`/registers/equipment/${parent.data.id}`}>
                      {itemLabel(parent.data)}
                    </Anchor>
                  ) : null,
                ],
                [t('items.manufacturer'), i.manufacturer],
                [t('items.model'), i.model],
                [t('items.serial'), i.serialNumber],
                [t('items.inventory'), i.inventoryNumber],
                [t('items.installedOn'), i.installedOn],
                [t('items.warrantyUntil'), i.warrantyUntil],
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {fields.length > 0 && (
              <Section title={t('items.customFields')}>
                <CustomFieldList fields={fields} values={values} resolveName={resolveName} />
              </Section>
            )}
            <Section title={t('items.components')}>
              {(children.data?.items.length ?? 0) === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('items.noComponents')}
                </Text>
              ) : (
                <ComponentsTree parentId={i.id} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <LinkedTickets filter={{ equipmentId: i.id }} />
      <Section title={t('items.work')} testId="equipment-work">
        <EquipmentWorkHistory
          equipmentId={i.id}
          hasComponents={(children.data?.items.length ?? 0) > 0}
        />
      </Section>
      <EditRecordModal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('items.edit')}
        record={i}
        form={EquipmentItemForm}
        onReload={() => item.refetch()}
      />
    </Stack>
  );
}
