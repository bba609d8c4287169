import { Center, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { ApiError } from '@relaydesk/api-client';
import { useTicket } from '../hooks';
import { TicketDetail } from '../components/detail/ticket-detail';
import { TicketConcurrencyProvider } from '../components/detail/ticket-concurrency';

/** /tickets/:number */
export default function TicketDetailPage() {
  const { t } = useTranslation('ticketDetail');
  const params = useParams();
  const number = Number(params.number);
  const valid = Number.isInteger(number) && number > 0;
  const ticket = useTicket(valid ? number : 0);

  if (!valid) {
    return <ProblemMessage error={new ApiError({ type: 'about:blank', title: '', status: 404 })} />;
  }
  if (ticket.isLoading) {
    return (
      <Center p="xl">
        <Loader role="status" aria-label={t('loading')} />
      </Center>
    );
  }
  if (!ticket.data) {
    return (
      <Stack>
        <ProblemMessage error={ticket.error} />
      </Stack>
    );
  }
  return (
    <TicketConcurrencyProvider key={number}>
      <TicketDetail ticket={ticket.data} />
    </TicketConcurrencyProvider>
  );
}
