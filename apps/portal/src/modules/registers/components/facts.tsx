import type { ReactNode } from 'react';
import { Group, Stack, Text } from '@mantine/core';

export interface Fact {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** Label and value rows of a record; empty values are left out. */
export function Facts({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const shown = facts.filter((f) => f.value !== null && f.value !== undefined && f.value !== '');
  return (
    <Stack gap={6} component="dl" m={0} data-testid={testId}>
      {shown.map((f) => (
        <Group key={f.label} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" component="dt" style={{ flexShrink: 0 }}>
            {f.label}
          </Text>
          <Text
            size="sm"
            component="dd"
            m={0}
            ta="right"
            style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            data-testid={f.testId}
          >
            {f.value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
