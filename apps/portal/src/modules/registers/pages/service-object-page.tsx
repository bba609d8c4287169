import type { ReactNode } from 'react';
import { Box, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '@relaydesk/api-client';
import { ProblemMessage } from '@relaydesk/web-ui';
import { Loading } from '../../tickets/components/loading';
import { BackLink } from '../components/back-link';
import { CardList } from '../components/card-list';
import { EquipmentCard } from '../components/equipment-card';
import { Facts } from '../components/facts';
import { RegisterNotFound } from '../components/register-not-found';
import { RelatedTickets } from '../components/related-tickets';
import { WorkingHours } from '../components/working-hours';
import { useEquipmentList, useServiceObject } from '../hooks';

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

function ObjectEquipment({ objectId }: { objectId: string }) {
  const { t } = useTranslation(['registers', 'common']);
  const list = useEquipmentList({ serviceObjectId: objectId, limit: 50 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Loading size="sm" />;
  if (list.isError) return <ProblemMessage error={list.error} />;
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('object.noEquipment')}
        </Text>
      ) : (
        <CardList
          items={items}
          keyOf={(item) => item.id}
          render={(item) => <EquipmentCard item={item} showObject={false} />}
          testId="object-equipment"
        />
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export default function ServiceObjectPage() {
  const { t } = useTranslation('registers');
  const { id } = useParams();
  const query = useServiceObject(id);
  const back = { to: '/sites', label: t('object.back') };

  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <RegisterNotFound
        title={t('object.notFoundTitle')}
        text={t('object.notFoundText')}
        back={back}
      />
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
  const object = query.data;
  if (!object) return <Loading />;

  return (
    <Stack gap="md" data-testid="object-page">
      <BackLink {...back} />
      <Title order={2} style={{ overflowWrap: 'anywhere' }}>
        {object.name}
      </Title>
      <Paper withBorder radius="md" p="sm" maw={560}>
        <Facts
          testId="object-facts"
          facts={[
            { label: t('object.address'), value: object.address },
            { label: t('object.contact'), value: object.contactName },
            {
              label: t('object.hours'),
              value: object.workingHours ? <WorkingHours hours={object.workingHours} /> : null,
            },
          ]}
        />
      </Paper>
      <Button
        component={Link}
        to={`/tickets/new?object=${object.id}`}
        leftSection={<IconAlertTriangle size={16} aria-hidden />}
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        data-testid="object-report-problem"
      >
        {t('object.reportProblem')}
      </Button>
      <Section id="object-equipment" title={t('object.equipment')}>
        <ObjectEquipment objectId={object.id} />
      </Section>
      <Section id="object-tickets" title={t('object.tickets')}>
        <RelatedTickets filter={{ serviceObjectId: object.id }} empty={t('object.noTickets')} />
      </Section>
    </Stack>
  );
}
