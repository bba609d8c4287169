import { TextInput, type TextInputProps } from '@mantine/core';
import { fromLocalDateTime, toLocalDateTime } from '@relaydesk/web-ui/custom-fields';

export interface DateTimeInputProps extends Omit<
  TextInputProps,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'min' | 'max'
> {
  /** ISO instant or null. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Earliest allowed instant (ISO). */
  min?: string;
  /** Latest allowed instant (ISO). */
  max?: string;
}

/**
 * Date and time in one native input: keyboard-friendly, screen-reader-friendly, and the
 * browser's own picker on phones. Values in and out are ISO instants.
 */
export function DateTimeInput({ value, onChange, min, max, ...rest }: DateTimeInputProps) {
  return (
    <TextInput
      {...rest}
      type="datetime-local"
      value={toLocalDateTime(value)}
      min={min ? toLocalDateTime(min) : undefined}
      max={max ? toLocalDateTime(max) : undefined}
      onChange={(e) => onChange(fromLocalDateTime(e.currentTarget.value))}
    />
  );
}
