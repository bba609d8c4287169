import { useState } from 'react';
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import {
  changedValues,
  CustomFieldList,
  CustomFieldsForm,
  missingRequired,
} from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { Ticket } from '../../api';
import { useTicketTypes, useUpdateTicket } from '../../hooks';
import { useCustomFieldPickers } from '../custom-fields/use-custom-field-pickers';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

interface Draft {
  values: CustomFieldValues;
  baseVersion: number;
  epoch: number;
}

/**
 * The ticket type's own fields: shown and edited here, saved with one PATCH that carries only
 * the changed keys (null clears one) and the version the edit started from.
 */
export function CustomFieldsCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  const types = useTicketTypes();
  const concurrency = useTicketConcurrency();
  const update = useUpdateTicket(ticket.id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const stored = ticket.customFields as CustomFieldValues;
  const values = { ...stored, ...(draft?.values ?? {}) };
  const type = types.data?.find((x) => x.id === ticket.typeId);
  // Retired fields still show a value the ticket has; they cannot be edited.
  const fields = (type?.fields ?? []).filter((f) => f.active || stored[f.key] !== undefined);
  const pickers = useCustomFieldPickers(fields, values);
  const changes = changedValues(stored, values);
  const dirty = Object.keys(changes).length > 0;
  const errors = { ...fieldErrors(update.error), ...missing };

  const once = useSingleFlight();
  if (fields.length === 0) return null;

  const save = () => {
    const keys = new Set(Object.keys(changes));
    // Only a change may not empty a required field (as the API checks it).
    const problems = missingRequired(
      fields.filter((f) => keys.has(f.key)),
      values,
    );
    setMissing(problems);
    if (Object.keys(problems).length) return;
    const version = draft && draft.epoch === concurrency.epoch ? draft.baseVersion : ticket.version;
    once((release) =>
      update.mutate(
        { version, customFields: changes },
        {
          onSettled: release,
          onSuccess: () => {
            setDraft(null);
            concurrency.advance();
            notifications.show({ color: 'green', message: tw('fields.customSaved') });
          },
          onError: (e) => concurrency.report(e),
        },
      ),
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="custom-fields-heading"
      data-testid="ticket-custom-fields"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id="custom-fields-heading">
            {tw('fields.customHeading')}
          </Title>
          {readOnly ? (
            <CustomFieldList
              fields={fields}
              values={stored}
              resolveName={pickers.resolveName}
              showEmpty
            />
          ) : (
            <CustomFieldsForm
              fields={fields}
              values={values}
              onChange={(key, value) => {
                setMissing(({ [`customFields.${key}`]: _, ...rest }) => rest);
                setDraft((d) => ({
                  values: { ...(d?.values ?? {}), [key]: value },
                  baseVersion: d && d.epoch === concurrency.epoch ? d.baseVersion : ticket.version,
                  epoch: concurrency.epoch,
                }));
              }}
              errors={errors}
              isReadOnly={(f) => f.active === false}
              testIdPrefix="ticket-custom"
              {...pickers}
            />
          )}
          {!isVersionConflict(update.error) &&
            Object.keys(fieldErrors(update.error)).length === 0 && (
              <ProblemMessage error={update.error} />
            )}
          {dirty && !readOnly && (
            <Group gap="xs" justify="flex-end">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setDraft(null);
                  setMissing({});
                }}
              >
                {t('actions.discard')}
              </Button>
              <Button
                type="submit"
                size="xs"
                loading={update.isPending}
                data-testid="save-custom-fields"
              >
                {t('actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
