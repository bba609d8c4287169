import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLinkOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, StatusBadge, useErrorText } from '@relaydesk/web-ui';
import type { Schemas } from '@relaydesk/api-client';
import type { Ticket } from '../../api';
import { useAddLink, useRemoveLink, useTicketLinks } from '../../hooks';
import { TicketPicker } from '../pickers';

type Relation = Schemas['CreateTicketLinkDto']['relation'];
const CREATABLE: Relation[] = ['related', 'parent', 'child', 'duplicate_of'];

/** Duplicates, related tickets, parent and children: each links to its ticket's page. */
export function LinksCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketWork');
  const errorText = useErrorText();
  const links = useTicketLinks(ticket.id);
  const add = useAddLink(ticket.id);
  const remove = useRemoveLink(ticket.id);
  const [relation, setRelation] = useState<Relation>('related');
  const [otherId, setOtherId] = useState<string | null>(null);
  const items = links.data ?? [];
  const errors = fieldErrors(add.error);

  const submit = () => {
    if (!otherId || add.isPending) return;
    add.mutate(
      { relation, ticketId: otherId },
      {
        onSuccess: () => {
          setOtherId(null);
          notifications.show({ color: 'green', message: t('links.added') });
        },
      },
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="links-heading"
      data-testid="ticket-links"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="links-heading">
          {t('links.heading')}
        </Title>
        {links.isError && <ProblemMessage error={links.error} />}
        {items.length === 0 && !links.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('links.empty')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((link) => (
              <Group
                key={link.id}
                component="li"
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                data-testid={`link-${link.ticket.number}`}
                data-relation={link.relation}
              >
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {t(`links.relations.${link.relation}`)}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`/tickets/${link.ticket.number}`}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    #{link.ticket.number} {link.ticket.subject}
                  </Anchor>
                  <span>
                    <StatusBadge
                      status={link.ticket.status}
                      category={link.ticket.statusCategory}
                      name={link.ticket.statusName}
                    />
                  </span>
                </Stack>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="gray.7"
                    aria-label={t('links.remove', { number: link.ticket.number })}
                    loading={remove.isPending && remove.variables === link.id}
                    onClick={() =>
                      remove.mutate(link.id, {
                        onSuccess: () =>
                          notifications.show({ color: 'green', message: t('links.removed') }),
                        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
                      })
                    }
                    data-testid={`remove-link-${link.ticket.number}`}
                  >
                    <IconLinkOff size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {!readOnly && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
            data-testid="add-link-form"
          >
            <Stack gap="xs">
              <NativeSelect
                label={t('links.relation')}
                size="xs"
                value={relation}
                onChange={(e) => setRelation(e.currentTarget.value as Relation)}
                data={CREATABLE.map((r) => ({ value: r, label: t(`links.relations.${r}`) }))}
                error={errors.relation}
                data-testid="link-relation"
              />
              <TicketPicker
                label={t('links.ticket')}
                size="xs"
                value={otherId}
                onChange={(id) => setOtherId(id)}
                excludeId={ticket.id}
                error={errors.ticketId}
                data-testid="link-ticket"
              />
              {Object.keys(errors).length === 0 && <ProblemMessage error={add.error} />}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  size="xs"
                  variant="outline"
                  disabled={!otherId}
                  loading={add.isPending}
                  data-testid="add-link"
                >
                  {t('links.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
