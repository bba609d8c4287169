import { Badge, Button, Card, Collapse, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useTicketInboundMail } from '../hooks';

/**
 * The mail received about the ticket (staff): its own messages, and the ones that pointed at it
 * but did not land (a sender who may not see it, an auto-reply), counted next to the heading so
 * an attempt to write into the ticket is seen without opening it.
 */
export function TicketInboundMailCard({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('mailQuarantine');
  const format = useFormat();
  const [opened, { toggle }] = useDisclosure(false);
  const mail = useTicketInboundMail(ticketId);
  const items = mail.data?.items ?? [];
  if (mail.isSuccess && items.length === 0) return null;
  const flagged = items.filter((m) => m.flagged).length;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="inbound-mail-heading"
      data-testid="ticket-inbound-mail"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={3} size="h5" id="inbound-mail-heading">
              {t('ticketMail.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {items.length}
            </Text>
            {flagged > 0 && (
              <Badge color="orange" variant="filled" size="sm" data-testid="inbound-mail-flagged">
                {t('ticketMail.flaggedCount', { count: flagged })}
              </Badge>
            )}
          </Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls="inbound-mail-body"
          >
            {opened ? t('ticketMail.hide') : t('ticketMail.show')}
          </Button>
        </Group>
        <Collapse expanded={opened} id="inbound-mail-body">
          {mail.isError ? (
            <ProblemMessage error={mail.error} />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('received')}</Table.Th>
                    <Table.Th>{t('from')}</Table.Th>
                    <Table.Th>{t('ticketMail.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.id} data-flagged={m.flagged}>
                      <Table.Td>{format.dateTime(m.receivedAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.fromAddress ?? '—'}</Text>
                        {m.replyTo && (
                          <Text size="xs" c="orange.8">
                            {t('replyToDiffers', { address: m.replyTo })}
                          </Text>
                        )}
                        {/* SPF/DKIM/DMARC as our receiving server saw them: the agent judges. */}
                        {m.authenticationResults && (
                          <Text
                            size="xs"
                            c="dimmed"
                            maw={360}
                            style={{ overflowWrap: 'anywhere' }}
                            data-testid="inbound-mail-auth"
                          >
                            {t('ticketMail.authResults', { value: m.authenticationResults })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {m.flagged && (
                            <Badge color="orange" variant="light" size="sm">
                              {t('ticketMail.flagged')}
                            </Badge>
                          )}
                          <Badge color="gray" variant="light" size="sm">
                            {t(`ticketMail.status.${m.status}`)}
                          </Badge>
                        </Group>
                        {m.reason && (
                          <Text size="xs" c="dimmed" maw={360}>
                            {m.reason}
                          </Text>
                        )}
                        {m.files
                          .filter((f) => f.dangerous)
                          .map((f) => (
                            <Text key={f.attachmentId} size="xs" c="red.8">
                              {t('ticketMail.dangerous', { name: f.fileName })}
                            </Text>
                          ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Collapse>
      </Stack>
    </Card>
  );
}
