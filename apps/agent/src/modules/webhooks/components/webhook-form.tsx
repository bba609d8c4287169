import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind } from '@relaydesk/contracts';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { WebhookEndpoint } from '../api';

export interface WebhookDraft {
  url: string;
  description: string;
  events: WebhookEventKind[];
  includeInternalComments: boolean;
  active: boolean;
}

interface Props {
  endpoint: WebhookEndpoint | null;
  error: unknown;
  pending: boolean;
  onSubmit: (draft: WebhookDraft) => void;
  onCancel: () => void;
}

/** Create or edit an endpoint: where, which events, whether internal notes go too. */
export function WebhookForm({ endpoint, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['webhooksAdmin', 'common']);
  const [draft, setDraft] = useState<WebhookDraft>({
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    events: endpoint?.events ?? ['ticket.created', 'ticket.status_changed', 'comment.added'],
    includeInternalComments: endpoint?.includeInternalComments ?? false,
    active: endpoint?.active ?? true,
  });
  const errors = fieldErrors(error);
  const set = <K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="webhook-form">
      <Stack gap="md">
        {Boolean(error) && <ProblemMessage error={error} />}
        <TextInput
          label={t('url')}
          description={t('urlHint')}
          placeholder="https://example.com/hooks/relaydesk"
          required
          value={draft.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          error={errors.url}
          data-testid="webhook-url"
        />
        <TextInput
          label={t('description')}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <Checkbox.Group
          label={t('events')}
          value={draft.events}
          onChange={(value) => set('events', value as WebhookEventKind[])}
          error={Object.entries(errors).find(([f]) => f.startsWith('events'))?.[1]}
        >
          <Stack gap={6} mt={6}>
            {WEBHOOK_EVENT_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                value={kind}
                label={`${t(`eventKinds.${kind}`)} (${kind})`}
                data-testid={`webhook-event-${kind}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t('includeInternal')}
          description={t('includeInternalHint')}
          checked={draft.includeInternalComments}
          onChange={(e) => set('includeInternalComments', e.currentTarget.checked)}
          data-testid="webhook-internal"
        />
        {endpoint && (
          <Switch
            label={t('active')}
            checked={draft.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
            data-testid="webhook-active"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="webhook-save">
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
