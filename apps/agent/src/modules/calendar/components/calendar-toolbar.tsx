import { ActionIcon, Button, Group, SegmentedControl, Switch, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarMode } from '../calendar-dates';

interface ToolbarProps {
  mode: CalendarMode;
  rangeLabel: string;
  showAll: boolean;
  /** Only users who may see every ticket get the switch. */
  canShowAll: boolean;
  onMode: (mode: CalendarMode) => void;
  onShift: (direction: -1 | 1) => void;
  onToday: () => void;
  onShowAll: (showAll: boolean) => void;
}

export function CalendarToolbar({
  mode,
  rangeLabel,
  showAll,
  canShowAll,
  onMode,
  onShift,
  onToday,
  onShowAll,
}: ToolbarProps) {
  const { t } = useTranslation('calendar');
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onShift(-1)}
          aria-label={mode === 'month' ? t('previousMonth') : t('previousWeek')}
          data-testid="calendar-prev"
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Button variant="default" onClick={onToday} data-testid="calendar-today">
          {t('today')}
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onShift(1)}
          aria-label={mode === 'month' ? t('nextMonth') : t('nextWeek')}
          data-testid="calendar-next"
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
        <Title order={3} size="h4" ml="xs" aria-live="polite" data-testid="calendar-range">
          {rangeLabel}
        </Title>
      </Group>
      <Group gap="md">
        {canShowAll && (
          <Switch
            label={t('showAll')}
            checked={showAll}
            onChange={(e) => onShowAll(e.currentTarget.checked)}
            data-testid="calendar-show-all"
          />
        )}
        <SegmentedControl
          aria-label={t('viewMode')}
          value={mode}
          onChange={(value) => onMode(value as CalendarMode)}
          data={[
            {
              value: 'month',
              label: <span data-testid="calendar-view-month">{t('month')}</span>,
            },
            { value: 'week', label: <span data-testid="calendar-view-week">{t('week')}</span> },
          ]}
        />
      </Group>
    </Group>
  );
}
