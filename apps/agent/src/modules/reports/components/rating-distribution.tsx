import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@relaydesk/web-ui';
import type { SatisfactionReport } from '../api';

const COLORS = ['red', 'orange', 'yellow', 'lime', 'green'];
const RATINGS = [5, 4, 3, 2, 1] as const;

/**
 * How many ratings of each value, as horizontal bars in plain CSS. The numbers are text, so the
 * chart reads the same without seeing the bars (they are hidden from assistive technology).
 */
export function RatingDistribution({ report }: { report: SatisfactionReport }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const counts = report.distribution as unknown as Record<string, number>;
  const max = Math.max(1, ...RATINGS.map((r) => counts[String(r)] ?? 0));
  return (
    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="rating-distribution">
      {RATINGS.map((rating) => {
        const n = counts[String(rating)] ?? 0;
        const share = report.count ? Math.round((n / report.count) * 100) : 0;
        return (
          <Group
            component="li"
            key={rating}
            gap="sm"
            wrap="nowrap"
            mb={6}
            data-testid={`rating-bar-${rating}`}
            data-count={n}
          >
            <Text size="sm" w={70} style={{ flexShrink: 0 }}>
              {t('distribution.stars', { count: rating })}
            </Text>
            <Box
              aria-hidden="true"
              style={{
                flex: 1,
                height: 18,
                background: 'var(--mantine-color-gray-1)',
                borderRadius: 4,
                overflow: 'hidden',
              }}
            >
              <Box
                style={{
                  width: `${(n / max) * 100}%`,
                  height: '100%',
                  background: `var(--mantine-color-${COLORS[rating - 1]}-6)`,
                }}
              />
            </Box>
            <Text size="sm" w={90} ta="right" style={{ flexShrink: 0 }}>
              {t('distribution.count', { count: n, formatted: format.number(n), share })}
            </Text>
          </Group>
        );
      })}
    </Box>
  );
}
