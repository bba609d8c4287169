import { Paper } from '@mantine/core';
import { CustomFieldList } from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { Ticket } from '../api';
import { useTicketTypes } from '../hooks';

/** The type's fields a client may see (the API sends no others), with their values. */
export function TicketCustomFields({ ticket }: { ticket: Ticket }) {
  const types = useTicketTypes();
  const fields = types.data?.find((x) => x.id === ticket.typeId)?.fields ?? [];
  const values = ticket.customFields as CustomFieldValues;
  if (!fields.some((f) => values[f.key] !== undefined && values[f.key] !== null)) return null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="portal-custom-fields">
      <CustomFieldList
        fields={fields}
        values={values}
        layout="stacked"
        testIdPrefix="portal-custom-value"
      />
    </Paper>
  );
}
