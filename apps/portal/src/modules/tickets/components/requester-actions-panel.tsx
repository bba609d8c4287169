import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_REF_PREFIX, type StatusCategory } from '@relaydesk/contracts';
import { useUser } from '@relaydesk/web-auth';
import { useTranslatedName } from '@relaydesk/web-ui';
import type { CustomFieldDefinition } from '@relaydesk/web-ui/custom-fields';
import type { Ticket, TransitionOption } from '../api';
import { useTicketTransitions, useTicketTypes } from '../hooks';
import { AcceptanceChoice } from './resolution-panel';
import { RequesterTransitionForm } from './requester-transition-form';

const FINISHED: StatusCategory[] = ['closed', 'canceled'];
/** Where the acceptance endpoint sends a resolved ticket: these moves are Accept and Reject. */
const BY_ACCEPTANCE: string[] = ['closed', 'open', 'new'];
/**
 * While support works on it, the requester's close (the presets' "close as solved") is the
 * knowledge base panel's "This solved my problem", which says which article did it; a bare
 * Close button beside it would close the request without that.
 */
const IN_WORK: string[] = ['new', 'open'];

const clientFillable = (f: CustomFieldDefinition) =>
  f.clientEditable === true && f.active !== false;

/**
 * What the requester may do with their ticket now: the workflow's transitions the API offers
 * this client (Okdesk: accept or reopen a resolved ticket; Pythagoras: a returned request is
 * resubmitted or closed, a done one accepted or rejected; HappyDesk: a fixed one confirmed or
 * reopened). On a resolved ticket Accept and Reject (with the rating) stand for the moves to
 * closed and back to work; every other move is a button of its own with a form for its comment,
 * date and required fields. A move the client cannot complete (a field only staff fill, a
 * duplicate to name) is not offered.
 */
export function RequesterActionsPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('requesterActions');
  const { t: tw } = useTranslation('ticketWork');
  const me = useUser();
  const name = useTranslatedName();
  const finished = FINISHED.includes(ticket.statusCategory as StatusCategory);
  const transitions = useTicketTransitions(finished ? undefined : ticket.id, ticket.version);
  const types = useTicketTypes();
  const [asking, setAsking] = useState<string | null>(null);

  if (finished) return null;
  const accepting = ticket.statusCategory === 'resolved' && ticket.requesterId === me.id;
  const typeFields = types.data?.find((x) => x.id === ticket.typeId)?.fields ?? [];

  /** The fields to fill for a move, or null when the client cannot fill them all. */
  const fieldsFor = (option: TransitionOption): CustomFieldDefinition[] | null => {
    const out: CustomFieldDefinition[] = [];
    for (const missing of option.missingFields) {
      if (!missing.startsWith(CUSTOM_FIELD_REF_PREFIX)) return null;
      const key = missing.slice(CUSTOM_FIELD_REF_PREFIX.length);
      const field = typeFields.find((f) => f.key === key);
      if (!field || !clientFillable(field)) return null;
      out.push(field);
    }
    return out;
  };

  const options = (transitions.data ?? []).filter(
    (o) =>
      !o.requiresDuplicateOf &&
      fieldsFor(o) !== null &&
      !(accepting && BY_ACCEPTANCE.includes(o.category)) &&
      !(o.category === 'closed' && IN_WORK.includes(ticket.statusCategory)),
  );
  if (!accepting && options.length === 0) return null;

  const labelOf = (option: TransitionOption): string => {
    if (option.category === 'closed') return t('close');
    if (option.category === 'open' || option.category === 'new') {
      return ticket.statusCategory === 'pending' ? t('resubmit') : t('reopen');
    }
    return t('moveTo', { status: name(option.name) });
  };
  const chosen = options.find((o) => o.to === asking) ?? null;

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      // The white of the page elsewhere: error texts keep their contrast on it.
      bg={accepting ? 'green.0' : undefined}
      aria-labelledby="requester-actions-title"
      data-testid={accepting ? 'portal-resolution' : 'portal-requester-actions'}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="requester-actions-title">
            {accepting ? tw('resolvedTitle') : t('title')}
          </Title>
          <Text size="sm" mt={4}>
            {accepting
              ? tw('resolvedText')
              : ticket.statusCategory === 'pending'
                ? t('pendingText')
                : t('text')}
          </Text>
        </div>
        {accepting && !chosen && <AcceptanceChoice ticket={ticket} />}
        {!chosen && options.length > 0 && (
          <Group gap="sm" role="group" aria-label={t('title')}>
            {options.map((option) => (
              <Button
                key={option.to}
                variant={option.category === 'closed' ? 'default' : 'filled'}
                onClick={() => setAsking(option.to)}
                data-testid={`portal-transition-${option.to}`}
              >
                {labelOf(option)}
              </Button>
            ))}
          </Group>
        )}
        {chosen && (
          <RequesterTransitionForm
            key={chosen.to}
            ticket={ticket}
            option={chosen}
            label={labelOf(chosen)}
            fields={fieldsFor(chosen) ?? []}
            onClose={() => setAsking(null)}
          />
        )}
      </Stack>
    </Paper>
  );
}
