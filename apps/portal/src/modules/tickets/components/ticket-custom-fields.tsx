import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors, isVersionConflict, ProblemMessage } from '@relaydesk/web-ui';
import {
  changedValues,
  CustomFieldList,
  CustomFieldsForm,
  missingRequired,
  type CustomFieldDefinition,
} from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { Ticket } from '../api';
import { useTicket, useTicketTypes, useUpdateTicket } from '../hooks';

/** Finished tickets are history: the API refuses edits there, so the form does not offer one. */
const FINISHED = new Set(['closed', 'canceled']);
const editable = (f: CustomFieldDefinition) => f.clientEditable === true && f.active !== false;

interface Draft {
  values: CustomFieldValues;
  /** The version the client saw when starting (or after reloading): a later change is a 409. */
  baseVersion: number;
}

/**
 * The type's fields a client may see (the API sends no others), with their values, and an
 * edit mode for the ones their form lets them change. Saving sends only the changed keys with
 * the version the edit started from; a conflict keeps what was typed and offers to load the
 * current ticket first.
 */
export function TicketCustomFields({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticketWork');
  const fieldErrorsOf = useFieldErrors();
  const types = useTicketTypes();
  const refetch = useTicket(ticket.number).refetch;
  const update = useUpdateTicket(ticket.id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);
  const saving = useRef(false);
  const stored = ticket.customFields as CustomFieldValues;
  const all = types.data?.find((x) => x.id === ticket.typeId)?.fields ?? [];
  // Retired fields still show a value the ticket has.
  const fields = all.filter((f) => f.active !== false || stored[f.key] !== undefined);
  const canEdit = !FINISHED.has(ticket.statusCategory) && fields.some(editable);
  const hasValues = fields.some((f) => stored[f.key] !== undefined && stored[f.key] !== null);
  if (!draft && !hasValues && !canEdit) return null;

  const values = { ...stored, ...(draft?.values ?? {}) };
  // Only what the client may change goes out, even if a read-only value differs.
  const changes = Object.fromEntries(
    Object.entries(changedValues(stored, values)).filter(([key]) =>
      fields.some((f) => f.key === key && editable(f)),
    ),
  );
  const errors = { ...fieldErrorsOf(update.error), ...missing };
  const conflict = isVersionConflict(update.error);

  const close = () => {
    setDraft(null);
    setMissing({});
    update.reset();
  };

  const save = () => {
    if (!draft || saving.current) return;
    const keys = new Set(Object.keys(changes));
    // A change may not empty a required field (the API checks it the same way).
    const problems = missingRequired(
      fields.filter((f) => keys.has(f.key)),
      values,
    );
    setMissing(problems);
    if (Object.keys(problems).length) return;
    if (keys.size === 0) return close();
    saving.current = true;
    update.mutate(
      { version: draft.baseVersion, customFields: changes },
      {
        onSettled: () => {
          saving.current = false;
        },
        onSuccess: () => {
          close();
          notifications.show({ color: 'green', message: t('fieldsSaved') });
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await refetch();
      if (fresh.data) {
        const version = fresh.data.version;
        setDraft((d) => (d ? { ...d, baseVersion: version } : d));
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby="portal-custom-fields-title"
      data-testid="portal-custom-fields"
      data-editing={draft ? 'true' : 'false'}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" id="portal-custom-fields-title">
            {t('typeFields')}
          </Text>
          {canEdit && !draft && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setDraft({ values: {}, baseVersion: ticket.version })}
              data-testid="portal-custom-edit"
            >
              {t('editFields')}
            </Button>
          )}
        </Group>
        {draft ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
            data-testid="portal-custom-form"
          >
            <Stack gap="sm">
              <CustomFieldsForm
                fields={fields}
                values={values}
                onChange={(key, value) => {
                  setMissing(({ [`customFields.${key}`]: _, ...rest }) => rest);
                  setDraft((d) => (d ? { ...d, values: { ...d.values, [key]: value } } : d));
                }}
                errors={errors}
                isReadOnly={(f) => !editable(f)}
                disabled={update.isPending}
                testIdPrefix="portal-custom"
              />
              {conflict && (
                <Alert
                  color="orange"
                  variant="light"
                  role="alert"
                  title={t('fieldsConflictTitle')}
                  styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
                  data-testid="portal-custom-conflict"
                >
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('fieldsConflictText')}</Text>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRefresh size={16} aria-hidden />}
                      loading={reloading}
                      onClick={() => void reload()}
                      data-testid="portal-custom-reload"
                    >
                      {t('fieldsReload')}
                    </Button>
                  </Stack>
                </Alert>
              )}
              {!conflict && Object.keys(fieldErrorsOf(update.error)).length === 0 && (
                <ProblemMessage error={update.error} />
              )}
              <Group gap="sm">
                <Button
                  type="submit"
                  loading={update.isPending}
                  disabled={conflict}
                  data-testid="portal-custom-save"
                >
                  {t('saveFields')}
                </Button>
                <Button variant="subtle" disabled={update.isPending} onClick={close}>
                  {t('cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <CustomFieldList
            fields={fields}
            values={stored}
            layout="stacked"
            showEmpty={canEdit}
            testIdPrefix="portal-custom-value"
          />
        )}
      </Stack>
    </Paper>
  );
}
