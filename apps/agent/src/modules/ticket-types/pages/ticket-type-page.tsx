import { Anchor, Button, Card, Center, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemMessage, useTranslatedName } from '@relaydesk/web-ui';
import { FieldsTable } from '../components/fields-table';
import { TicketTypeForm } from '../components/ticket-type-form';
import { useAdminTicketType } from '../hooks';

/** /admin/ticket-types/:id: the type's settings and its custom fields. */
export function TicketTypePage() {
  const { t } = useTranslation(['ticketTypes', 'admin', 'common']);
  const tn = useTranslatedName();
  const navigate = useNavigate();
  const { id } = useParams();
  const query = useAdminTicketType(id);
  const reload = async () => {
    await query.refetch();
  };

  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader role="status" aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (!query.data) {
    return (
      <Stack align="flex-start">
        <ProblemMessage error={query.error} />
        <Button variant="default" onClick={() => void reload()}>
          {t('common:reload')}
        </Button>
      </Stack>
    );
  }
  const type = query.data;
  return (
    <Stack gap="md" data-testid="ticket-type-page">
      <Stack gap={2}>
        <Anchor component={Link} to="/admin/ticket-types" size="sm">
          {t('page.back')}
        </Anchor>
        <Title order={3}>{t('page.title', { name: tn(type.name) })}</Title>
      </Stack>
      <Card withBorder padding="md">
        <TicketTypeForm
          key={type.version}
          type={type}
          onDone={() =>
            notifications.show({
              color: 'green',
              message: t('admin:saved'),
            })
          }
          onCancel={() => void navigate('/admin/ticket-types')}
          onReload={reload}
        />
      </Card>
      <FieldsTable type={type} onReload={reload} />
    </Stack>
  );
}
