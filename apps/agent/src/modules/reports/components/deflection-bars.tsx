import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { KbDeflectionReport } from '../api';

/**
 * Per period, the deflections, the requests sent anyway and the undecided ones as stacked
 * horizontal bars in plain CSS, like the satisfaction report's distribution. The table beside it
 * has the same figures, so the chart is hidden from assistive technology.
 */
export function DeflectionBars({
  periods,
  label,
}: {
  periods: KbDeflectionReport['byPeriod'];
  label: (period: string) => string;
}) {
  const { t } = useTranslation('kbDeflections');
  const format = useFormat();
  const max = Math.max(1, ...periods.map((p) => p.deflections + p.filed + p.pending));
  return (
    <Box
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-hidden="true"
      data-testid="deflection-bars"
    >
      {periods.map((p) => (
        <Group component="li" key={p.period} gap="sm" wrap="nowrap" mb={6}>
          <Text size="sm" w={96} style={{ flexShrink: 0 }}>
            {label(p.period)}
          </Text>
          <Box
            aria-hidden="true"
            style={{
              flex: 1,
              display: 'flex',
              height: 18,
              background: 'var(--mantine-color-gray-1)',
              borderRadius: 4,
              overflow: 'hidden',
            }}
          >
            <Box
              style={{
                width: `${(p.deflections / max) * 100}%`,
                background: 'var(--mantine-color-teal-6)',
              }}
            />
            <Box
              style={{
                width: `${(p.filed / max) * 100}%`,
                background: 'var(--mantine-color-gray-5)',
              }}
            />
            <Box
              style={{
                width: `${(p.pending / max) * 100}%`,
                background: 'var(--mantine-color-gray-3)',
              }}
            />
          </Box>
          <Text size="sm" w={150} ta="right" style={{ flexShrink: 0 }}>
            {format.number(p.deflections)} / {format.number(p.filed)} / {format.number(p.pending)}
          </Text>
        </Group>
      ))}
      <Group gap="md" mt="xs">
        {(
          [
            ['teal.6', 'deflections'],
            ['gray.5', 'filed'],
            ['gray.3', 'pending'],
          ] as const
        ).map(([color, key]) => (
          <Group key={key} gap={6}>
            <Box w={12} h={12} bg={color} style={{ borderRadius: 2 }} />
            <Text size="xs" c="dimmed">
              {t(`column.${key}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
