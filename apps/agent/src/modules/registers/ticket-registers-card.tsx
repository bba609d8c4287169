import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../tickets/api';
import { useUpdateTicket } from '../tickets/hooks';
import {
  isVersionConflict,
  useTicketConcurrency,
} from '../tickets/components/detail/ticket-concurrency';
import { StackedRows } from './registers-shared';
import { linksBody, TicketLinksFields, type TicketLinks } from './ticket-links-fields';
import { useRegisterFieldErrors } from './register-messages';

/** What the ticket API answers about a ticket's links (issue 18). */
interface TicketLinksRead {
  serviceObjectId?: string | null;
  serviceObject?: { id: string; name: string } | null;
  equipmentId?: string | null;
  equipment?: {
    id: string;
    name: string;
    serialNumber?: string | null;
    inventoryNumber?: string | null;
  } | null;
  contractId?: string | null;
  contract?: { id: string; number: string; title: string } | null;
  warranty?: boolean;
}

const equipmentName = (e: NonNullable<TicketLinksRead['equipment']>) =>
  [e.name, e.serialNumber, e.inventoryNumber].filter(Boolean).join(' · ');

function linksOf(read: TicketLinksRead): TicketLinks {
  return {
    serviceObjectId: read.serviceObject?.id ?? null,
    serviceObjectName: read.serviceObject?.name ?? null,
    equipmentId: read.equipment?.id ?? null,
    equipmentName: read.equipment ? equipmentName(read.equipment) : null,
    equipmentObjectId: read.serviceObject?.id ?? null,
    contractId: read.contract?.id ?? null,
    contractName: read.contract ? `${read.contract.number} · ${read.contract.title}` : null,
    warranty: read.warranty ?? false,
  };
}

/** The ticket's client links (object, equipment, contract, warranty): shown, and changed by staff. */
export function TicketRegistersCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('registers');
  const read = ticket as unknown as TicketLinksRead;
  const update = useUpdateTicket(ticket.id);
  const concurrency = useTicketConcurrency();
  const [editing, setEditing] = useState<{ links: TicketLinks; baseVersion: number } | null>(null);
  const registerErrors = useRegisterFieldErrors();
  const errors = registerErrors(update.error);
  const save = () => {
    if (!editing) return;
    update.mutate(
      { version: editing.baseVersion, ...linksBody(editing.links, true) } as Parameters<
        typeof update.mutate
      >[0],
      {
        onSuccess: () => {
          setEditing(null);
          concurrency.advance();
          notifications.show({ color: 'green', message: t('common.saved') });
        },
        onError: (e) => concurrency.report(e),
      },
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="ticket-registers-heading"
      data-testid="ticket-registers"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="ticket-registers-heading">
            {t('links.heading')}
          </Title>
          {!readOnly && !editing && ticket.organizationId && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEditing({ links: linksOf(read), baseVersion: ticket.version })}
              data-testid="ticket-links-edit"
            >
              {t('links.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Stack gap="sm">
              <TicketLinksFields
                organizationId={ticket.organizationId ?? null}
                value={editing.links}
                onChange={(links) => setEditing((d) => (d ? { ...d, links } : d))}
                errors={errors}
                disabled={update.isPending}
              />
              {!isVersionConflict(update.error) && Object.keys(errors).length === 0 && (
                <ProblemMessage error={update.error} />
              )}
              <Group gap="xs" justify="flex-end">
                <Button variant="default" size="xs" onClick={() => setEditing(null)}>
                  {t('links.cancel')}
                </Button>
                <Button
                  type="submit"
                  size="xs"
                  loading={update.isPending}
                  data-testid="ticket-links-save"
                >
                  {t('links.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <StackedRows
            rows={[
              [
                t('links.object'),
                read.serviceObject ? (
                  <Anchor component={Link} to={`/registers/objects/${read.serviceObject.id}`}>
                    {read.serviceObject.name}
                  </Anchor>
                ) : null,
              ],
              [
                t('links.equipment'),
                read.equipment ? (
                  <Anchor
                    component={Link}
                    to={`/registers/equipment/${read.equipment.id}`}
                    data-testid="ticket-equipment-link"
                  >
                    {equipmentName(read.equipment)}
                  </Anchor>
                ) : null,
              ],
              [
                t('links.contract'),
                read.contract ? (
                  <Anchor component={Link} to={`/registers/contracts/${read.contract.id}`}>
                    {read.contract.number} · {read.contract.title}
                  </Anchor>
                ) : null,
              ],
              [
                t('links.warranty'),
                read.warranty ? (
                  <Badge variant="outline" color="teal.9" data-testid="ticket-warranty">
                    {t('links.warranty')}
                  </Badge>
                ) : null,
              ],
            ]}
          />
        )}
      </Stack>
    </Card>
  );
}
