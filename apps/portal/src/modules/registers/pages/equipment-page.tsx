import type { ReactNode } from 'react';
import { Anchor, Box, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '@relaydesk/api-client';
import { ProblemMessage } from '@relaydesk/web-ui';
import { CustomFieldList } from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import { Loading } from '../../tickets/components/loading';
import { BackLink } from '../components/back-link';
import { CardList } from '../components/card-list';
import { EquipmentCard } from '../components/equipment-card';
import { EquipmentStatusBadge, WarrantyBadge } from '../components/equipment-badges';
import { Facts, type Fact } from '../components/facts';
import { RegisterNotFound } from '../components/register-not-found';
import { RelatedTickets } from '../components/related-tickets';
import { EquipmentWork } from '../components/equipment-work';
import { UnbrokenName } from '../components/unbroken-name';
import { useDateOnly } from '../dates';
import { equipmentName } from '../equipment-name';
import { useEquipmentItem, useEquipmentList, useEquipmentTypes } from '../hooks';
import type { EquipmentItem } from '../api';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  );
}

/** The item it is a component of, by name; nothing when the client cannot read it. */
function ParentLink({ id }: { id: string }) {
  const parent = useEquipmentItem(id).data;
  if (!parent) return null;
  return (
    <Anchor component={Link} to={`/equipment/${parent.id}`} size="sm">
      <UnbrokenName name={equipmentName(parent)} />
    </Anchor>
  );
}

function Components({ item }: { item: EquipmentItem }) {
  const { t } = useTranslation('registers');
  const list = useEquipmentList({ parentId: item.id, limit: 50 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return null;
  return (
    <Section id="equipment-components" title={t('item.components')}>
      <CardList
        items={items}
        keyOf={(c) => c.id}
        render={(c) => <EquipmentCard item={c} showObject={false} />}
        testId="equipment-components"
      />
    </Section>
  );
}

/** The type's fields a client may see, with values: the API sends a client no others. */
function Details({ item }: { item: EquipmentItem }) {
  const { t } = useTranslation('registers');
  const fields = useEquipmentTypes().data?.find((x) => x.id === item.typeId)?.fields ?? [];
  const values = item.customFields as CustomFieldValues;
  if (!fields.some((f) => values[f.key] !== undefined && values[f.key] !== null)) return null;
  return (
    <>
      <Divider label={t('item.details')} labelPosition="left" my="xs" />
      <CustomFieldList fields={fields} values={values} testIdPrefix="equipment-field" />
    </>
  );
}

export default function EquipmentPage() {
  const { t } = useTranslation(['registers', 'common']);
  const { id } = useParams();
  const query = useEquipmentItem(id);
  const date = useDateOnly();
  const back = { to: '/equipment', label: t('item.back') };

  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <RegisterNotFound title={t('item.notFoundTitle')} text={t('item.notFoundText')} back={back} />
    );
  }
  if (query.isError) {
    return (
      <Stack gap="sm">
        <BackLink {...back} />
        <ProblemMessage error={query.error} />
      </Stack>
    );
  }
  const item = query.data;
  if (!item) return <Loading />;

  const facts: Fact[] = [
    { label: t('item.type'), value: item.typeName },
    { label: t('item.manufacturer'), value: item.manufacturer },
    { label: t('item.model'), value: item.model },
    { label: t('item.serialNumber'), value: item.serialNumber, testId: 'equipment-serial' },
    {
      label: t('item.inventoryNumber'),
      value: item.inventoryNumber,
      testId: 'equipment-inventory',
    },
    {
      label: t('item.object'),
      value: item.serviceObjectId ? (
        <Anchor component={Link} to={`/sites/${item.serviceObjectId}`} size="sm">
          {item.serviceObjectName}
        </Anchor>
      ) : null,
    },
    { label: t('item.partOf'), value: item.parentId ? <ParentLink id={item.parentId} /> : null },
    { label: t('item.installedOn'), value: date(item.installedOn) },
    { label: t('item.warrantyUntil'), value: date(item.warrantyUntil) },
  ];

  return (
    <Stack gap="md" data-testid="equipment-page">
      <BackLink {...back} />
      <div>
        <Group gap="xs" wrap="wrap" align="center">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            <UnbrokenName name={equipmentName(item)} />
          </Title>
          <EquipmentStatusBadge status={item.status} />
        </Group>
        <Group gap="xs" mt={4} wrap="wrap">
          <Text c="dimmed" size="sm">
            {item.typeName}
          </Text>
          <WarrantyBadge until={item.warrantyUntil} />
        </Group>
      </div>
      <Button
        component={Link}
        to={`/tickets/new?equipment=${item.id}`}
        leftSection={<IconAlertTriangle size={16} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
        data-testid="equipment-report-problem"
      >
        {t('item.reportProblem')}
      </Button>
      <Paper withBorder radius="md" p="sm" maw={640}>
        <Facts facts={facts} testId="equipment-facts" />
        <Details item={item} />
      </Paper>
      <Components item={item} />
      <Section id="equipment-tickets" title={t('item.tickets')}>
        <RelatedTickets filter={{ equipmentId: item.id }} empty={t('item.noTickets')} />
      </Section>
      <EquipmentWork equipmentId={item.id} />
    </Stack>
  );
}
