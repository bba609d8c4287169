import { useState } from 'react';
import { Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { EditRecordModal } from './edit-record-modal';
import { EquipmentTable } from './equipment-table';
import { useEquipmentItemPages, useServiceObject } from './hooks';
import { LoadMore } from './register-list-frame';
import {
  DetailRows,
  LinkedTickets,
  Section,
  useMayManageRegisters,
  useOrganizationNames,
} from './registers-shared';
import { ServiceObjectForm } from './service-object-form';

/** A service object: its details and working hours, its equipment, its tickets. */
export function ServiceObjectCardPage() {
  const { t } = useTranslation(['registers', 'common']);
  const { id = '' } = useParams();
  const object = useServiceObject(id);
  const equipment = useEquipmentItemPages({ serviceObjectId: id, limit: 100 }, !!object.data);
  const manage = useMayManageRegisters();
  const [editing, setEditing] = useState(false);
  const o = object.data;
  const orgName = useOrganizationNames([o?.organizationId]);
  useDocumentTitle(`${o?.name ?? t('objects.title')} · ${t('common:appName')}`);
  if (object.isLoading) return <Loader role="status" aria-label={t('objects.title')} />;
  if (!o) {
    return (
      <Stack>
        <ProblemMessage error={object.error} />
        <Anchor component={Link} to="/registers/objects">
          {t('common.back')}
        </Anchor>
      </Stack>
    );
  }
  const items = equipment.items;
  return (
    <Stack gap="md" data-testid="object-card">
      <Group justify="space-between">
        <Title order={3}>{o.name}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/registers/objects">
            {t('common.back')}
          </Button>
          {manage && (
            <Button onClick={() => setEditing(true)} data-testid="object-edit">
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
                [t('common.organization'), orgName(o.organizationId)],
                [t('objects.address'), o.address],
                [t('objects.contact'), o.contactName],
                [t('objects.calendar'), o.calendarName],
                [t('common.notes'), o.notes],
              ]}
            />
          </Section>
        </Grid.Col>
      </Grid>
      <Section title={t('objects.equipment')} testId="object-equipment">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {equipment.isLoading ? '…' : t('objects.noEquipment')}
          </Text>
        ) : (
          <EquipmentTable items={items} showOrganization={false} />
        )}
        <LoadMore pages={equipment} size="xs" />
      </Section>
      <LinkedTickets filter={{ serviceObjectId: o.id }} />
      <EditRecordModal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('objects.edit')}
        record={o}
        form={ServiceObjectForm}
        onReload={() => object.refetch()}
      />
    </Stack>
  );
}
