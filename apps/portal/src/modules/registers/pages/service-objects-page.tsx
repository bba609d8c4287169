import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import classes from '../../tickets/components/ticket-card.module.css';
import { Loading } from '../../tickets/components/loading';
import { CardList } from '../components/card-list';
import { RegistersNav } from '../components/registers-nav';
import { useServiceObjects } from '../hooks';

/** The organization's sites (those the contact may see), each leading to its card. */
export default function ServiceObjectsPage() {
  const { t } = useTranslation('registers');
  const objects = useServiceObjects();
  const items = objects.data ?? [];
  return (
    <Stack gap="md">
      <RegistersNav current="objects" />
      <div>
        <Title order={2}>{t('objects.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('objects.intro')}
        </Text>
      </div>
      {objects.isPending ? (
        <Loading />
      ) : objects.isError ? (
        <ProblemMessage error={objects.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed" py="md" data-testid="objects-empty">
          {t('objects.empty')}
        </Text>
      ) : (
        <CardList
          items={items}
          keyOf={(o) => o.id}
          testId="objects-list"
          render={(o) => (
            <Paper
              component={Link}
              to={`/sites/${o.id}`}
              withBorder
              radius="md"
              p="sm"
              className={classes.card}
              data-testid="object-card"
            >
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {o.name}
              </Text>
              {o.address && (
                <Text size="sm" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
                  {o.address}
                </Text>
              )}
            </Paper>
          )}
        />
      )}
    </Stack>
  );
}
