import { useTranslation } from 'react-i18next';
import { useTicketSearch } from '../../hooks';
import type { TicketSummary } from '../../api';
import { RemoteSelect, usePickerState, type PickerSelectProps } from './remote-select';

export interface TicketPickerProps extends PickerSelectProps {
  value: string | null;
  onChange: (ticketId: string | null, ticket: TicketSummary | null) => void;
  /** Left out of the options (the ticket being edited). */
  excludeId?: string;
}

/** Finds a ticket by its number or by words of its subject (the list's full-text search). */
export function TicketPicker({ value, onChange, excludeId, ...rest }: TicketPickerProps) {
  const { t } = useTranslation('ticketWork');
  const state = usePickerState(value);
  const q = state.q?.replace(/^#/, '');
  const tickets = useTicketSearch(q, state.opened);
  return (
    <RemoteSelect<TicketSummary>
      placeholder={t('pickers.searchTicket')}
      {...rest}
      state={state}
      value={value}
      onChange={onChange}
      items={tickets.data?.items.filter((x) => x.id !== excludeId)}
      loading={tickets.isFetching}
      toOption={(x) => ({
        value: x.id,
        label: t('pickers.ticketOption', { number: x.number, subject: x.subject }),
      })}
    />
  );
}
