import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';

export interface PrioritySelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'defaultValue' | 'onChange'
> {
  value: TicketPriority;
  onChange: (priority: TicketPriority) => void;
}

/** The four priorities, translated. */
export function PrioritySelect({ value, onChange, ...rest }: PrioritySelectProps) {
  const { t } = useTranslation('common');
  return (
    <Select
      {...rest}
      allowDeselect={false}
      data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
      value={value}
      onChange={(p) => p && onChange(p as TicketPriority)}
    />
  );
}
