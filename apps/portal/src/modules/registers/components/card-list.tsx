import type { ReactNode } from 'react';
import { Stack } from '@mantine/core';

/** Cards as a list (screen readers count them), without bullets. */
export function CardList<T>({
  items,
  keyOf,
  render,
  testId,
}: {
  items: T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {items.map((item) => (
        <li key={keyOf(item)}>{render(item)}</li>
      ))}
    </Stack>
  );
}
