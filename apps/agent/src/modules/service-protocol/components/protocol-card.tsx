import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../tickets/api';
import { useUsersById } from '../../directory/hooks';
import { useDownloadProtocol, useStoreProtocol, useWorkLogSettings } from '../hooks';

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The ticket's service protocol (issue 18): printed as a PDF in the language chosen (the
 * requester's by default), or kept on the ticket as an attachment. The copy holds billed work,
 * so it may be shared with the client only where the installation lets clients see billed work.
 */
export function ProtocolCard({
  ticket,
  archived,
}: {
  ticket: Ticket;
  /** An archived ticket takes no files: it can be printed, not stored on. */
  archived: boolean;
}) {
  const { t, i18n } = useTranslation('serviceProtocol');
  const [requester] = useUsersById(ticket.requesterId ? [ticket.requesterId] : []);
  const requesterLocale = requester?.data?.locale;
  const [chosen, setChosen] = useState<Locale | null>(null);
  const lang: Locale =
    chosen ??
    (isLocale(requesterLocale) ? requesterLocale : null) ??
    (isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en');
  const settings = useWorkLogSettings();
  const clientsSeeBilled = settings.data?.clientsSeeBilled === true;
  const [shareChoice, setShareChoice] = useState(true);
  const share = clientsSeeBilled && shareChoice;
  const download = useDownloadProtocol(ticket.id);
  const store = useStoreProtocol(ticket.id);

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="protocol-heading"
      data-testid="protocol-card"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="protocol-heading">
          {t('heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
        <NativeSelect
          label={t('language')}
          value={lang}
          onChange={(e) => setChosen(e.currentTarget.value as Locale)}
          data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          data-testid="protocol-language"
        />
        <Group gap="xs">
          <Button
            size="sm"
            loading={download.isPending}
            onClick={() => {
              store.reset();
              download.mutate({ lang, fileName: `protocol-${ticket.number}-${lang}.pdf` });
            }}
            data-testid="protocol-print"
          >
            {t('print')}
          </Button>
          {!archived && (
            <Button
              size="sm"
              variant="light"
              loading={store.isPending}
              onClick={() => {
                download.reset();
                store.mutate(
                  { lang, internal: !share },
                  {
                    onSuccess: (saved) =>
                      notifications.show({
                        color: 'green',
                        message: t(saved.internal ? 'storedInternal' : 'storedShared', {
                          name: saved.fileName,
                        }),
                      }),
                  },
                );
              }}
              data-testid="protocol-store"
            >
              {t('store')}
            </Button>
          )}
        </Group>
        {!archived && (
          <Checkbox
            label={t('share')}
            description={clientsSeeBilled ? t('shareHint') : t('shareOff')}
            checked={share}
            disabled={!clientsSeeBilled}
            onChange={(e) => setShareChoice(e.currentTarget.checked)}
            data-testid="protocol-share"
          />
        )}
        <ProblemMessage error={download.error ?? store.error} />
      </Stack>
    </Card>
  );
}
