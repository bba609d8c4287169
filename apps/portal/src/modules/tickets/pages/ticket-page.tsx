import type { ReactNode } from 'react';
import { Anchor, Box, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '@relaydesk/api-client';
import { PriorityBadge, ProblemMessage, StatusBadge } from '@relaydesk/web-ui';
import { Conversation } from '../components/conversation';
import { Loading } from '../components/loading';
import { ReplyForm } from '../components/reply-form';
import { RequesterActionsPanel } from '../components/requester-actions-panel';
import { KbSuggestionsPanel } from '../components/kb-suggestions-panel';
import { TicketFacts } from '../components/ticket-facts';
import { TicketFiles } from '../components/ticket-files';
import { useTicket } from '../hooks';
import { TicketCustomFields } from '../components/ticket-custom-fields';
import { TicketWatchers } from '../components/ticket-watchers';
import { PromisedTimes } from '../components/promised-times';
import { TicketTimeline } from '../components/ticket-timeline';
import { TicketBilledWork } from '../components/billed-work';
import type { Ticket } from '../api';

function BackLink() {
  const { t } = useTranslation('tickets');
  return (
    <Anchor component={Link} to="/tickets" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('ticket.back')}
      </Group>
    </Anchor>
  );
}

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

function HistorySection({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticketProgress');
  return (
    <Section id="ticket-history" title={t('history.title')}>
      <TicketTimeline ticketId={ticket.id} typeId={ticket.typeId} />
    </Section>
  );
}

function NotFound() {
  const { t } = useTranslation('tickets');
  return (
    <Stack gap="sm" data-testid="portal-ticket-not-found">
      <BackLink />
      <Title order={2}>{t('ticket.notFoundTitle')}</Title>
      <Text c="dimmed">{t('ticket.notFoundText')}</Text>
    </Stack>
  );
}

export default function TicketPage() {
  const { t } = useTranslation(['tickets', 'common']);
  const number = Number(useParams().number);
  const valid = Number.isInteger(number) && number > 0;
  const query = useTicket(number);
  const ticket = query.data;

  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return <NotFound />;
  }
  if (query.isError) {
    return (
      <Stack gap="sm">
        <BackLink />
        <ProblemMessage error={query.error} />
      </Stack>
    );
  }
  if (!ticket) {
    return <Loading />;
  }

  return (
    <Stack gap="lg" data-testid="portal-ticket">
      <BackLink />
      <div>
        <Text size="sm" c="dimmed">
          {t('ticket.number', { number: ticket.number })}
        </Text>
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {ticket.subject}
        </Title>
        <Group gap="xs" mt="xs">
          <span data-testid="portal-ticket-status" data-status={ticket.status}>
            <StatusBadge
              status={ticket.status}
              category={ticket.statusCategory}
              name={ticket.statusName}
            />
          </span>
          <PriorityBadge priority={ticket.priority} />
        </Group>
      </div>
      <RequesterActionsPanel ticket={ticket} />
      <KbSuggestionsPanel ticket={ticket} />
      <PromisedTimes promise={ticket.promise} />
      <TicketFacts ticket={ticket} />
      <TicketCustomFields ticket={ticket} />
      <Section id="ticket-description" title={t('ticket.description')}>
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {ticket.description || t('ticket.noDescription')}
          </Text>
        </Paper>
      </Section>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Section id="ticket-conversation" title={t('ticket.conversation')}>
            <Stack gap="md">
              <Conversation ticketId={ticket.id} />
              <ReplyForm ticketId={ticket.id} />
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <HistorySection ticket={ticket} />
        </Grid.Col>
      </Grid>
      <TicketBilledWork ticket={ticket} />
      <Section id="ticket-files" title={t('ticket.files')}>
        <TicketFiles ticketId={ticket.id} />
      </Section>
      <TicketWatchers ticketId={ticket.id} />
    </Stack>
  );
}
