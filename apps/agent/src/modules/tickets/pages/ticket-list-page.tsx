import { Alert, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { missingSubject, useListParams } from '../components/list/list-params';
import { SubjectPicker } from '../components/list/subject-picker';
import { TicketListContent } from '../components/list/ticket-list-content';

/**
 * The agent's ticket list. Everything it shows (queue, filters, search, order) lives in the URL,
 * so a link reproduces the view and changing a filter replaces the URL.
 */
export default function TicketListPage() {
  const { t } = useTranslation(['ticketList', 'layout', 'common']);
  const { state, update, clearFilters } = useListParams();
  const viewName = t(`layout:views.${state.view}`);
  useDocumentTitle(`${viewName} · ${t('common:appName')}`);
  const missing = missingSubject(state);

  return (
    <Stack gap="md">
      <Title order={2} data-testid="ticket-list-title">
        {viewName}
      </Title>
      {missing ? (
        <>
          <SubjectPicker state={state} update={update} />
          <Alert color="blue" variant="light" data-testid="choose-subject">
            {missing === 'user' ? t('byUser.choose') : t('byDepartment.choose')}
          </Alert>
        </>
      ) : (
        <TicketListContent
          state={state}
          update={update}
          clearFilters={clearFilters}
          caption={viewName}
        />
      )}
    </Stack>
  );
}
