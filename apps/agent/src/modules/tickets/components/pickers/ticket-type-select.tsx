import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import { useTicketTypes } from '../../hooks';
import type { TicketType } from '../../api';

export interface TicketTypeSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'defaultValue' | 'onChange'
> {
  value: string | null;
  onChange: (typeId: string | null, type: TicketType | null) => void;
  /** Only types with this workflow (a ticket cannot move between workflows). */
  workflowId?: string;
}

/** Active ticket types, names in the UI language; the current value stays even if inactive. */
export function TicketTypeSelect({ value, onChange, workflowId, ...rest }: TicketTypeSelectProps) {
  const { t } = useTranslation('ticketDetail');
  const name = useTranslatedName();
  const types = useTicketTypes();
  const all = types.data ?? [];
  const offered = all.filter(
    (type) => type.id === value || (type.active && (!workflowId || type.workflowId === workflowId)),
  );
  return (
    <Select
      placeholder={t('pickers.chooseType')}
      {...rest}
      data={offered.map((type) => ({ value: type.id, label: name(type.name) }))}
      value={value}
      onChange={(id) => onChange(id, all.find((type) => type.id === id) ?? null)}
      disabled={rest.disabled || types.isLoading}
    />
  );
}
