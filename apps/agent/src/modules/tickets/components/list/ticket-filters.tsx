import { lazy, Suspense, useState, type CSSProperties } from 'react';
import {
  Badge,
  Button,
  Collapse,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KnownLabels } from './filter-fields';
import { FILTER_GRID_COLS } from './filter-grid';
import { activeFilterCount, type ListState, type ParamPatch } from './list-params';

export type { KnownLabels } from './filter-fields';

// "Any" in an empty filter is information, not decoration: keep it readable (WCAG contrast).
const READABLE_PLACEHOLDERS = {
  '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
} as CSSProperties;

const FilterFields = lazy(() => import('./filter-fields'));

export interface TicketFiltersProps {
  state: ListState;
  update: (patch: ParamPatch) => void;
  clearFilters: () => void;
  knownLabels: KnownLabels;
}

function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('ticketList');
  const [text, setText] = useState(q);
  // The last value this box sent to the URL; anything else in the URL came from outside
  // (a link, "clear filters", another queue) and replaces what is typed.
  const [sent, setSent] = useState(q);
  if (q !== sent) {
    setSent(q);
    setText(q);
  }
  const push = useDebouncedCallback((value: string) => {
    setSent(value.trim());
    onSearch(value.trim());
  }, 400);

  return (
    <TextInput
      type="search"
      label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') push.flush();
      }}
      maxLength={200}
      style={{ flex: '1 1 16rem' }}
      data-testid="filter-search"
    />
  );
}

export function TicketFilters({ state, update, clearFilters, knownLabels }: TicketFiltersProps) {
  const { t } = useTranslation('ticketList');
  // Below this width the filters fold into a panel behind a button.
  const narrow = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [panelOpen, panel] = useDisclosure(false);
  const active = activeFilterCount(state);
  const activeBesidesSearch = active - (state.q ? 1 : 0);

  const panelId = 'ticket-filters-panel';
  const fields = (
    <Suspense
      fallback={
        <SimpleGrid cols={FILTER_GRID_COLS} spacing="sm" verticalSpacing="xs">
          {Array.from({ length: 11 }, (_, i) => (
            <Skeleton key={i} height={58} />
          ))}
        </SimpleGrid>
      }
    >
      <FilterFields state={state} update={update} knownLabels={knownLabels} />
    </Suspense>
  );

  return (
    <Stack gap="sm" role="search" aria-label={t('filters.region')} style={READABLE_PLACEHOLDERS}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchBox q={state.q} onSearch={(q) => update({ q })} />
        {narrow && (
          <Button
            variant="default"
            leftSection={<IconFilter size={16} aria-hidden />}
            rightSection={
              activeBesidesSearch > 0 ? (
                <Badge size="sm" circle>
                  {activeBesidesSearch}
                </Badge>
              ) : undefined
            }
            onClick={panel.toggle}
            aria-expanded={panelOpen}
            aria-controls={panelId}
            data-testid="filters-toggle"
          >
            {t('filters.toggle')}
          </Button>
        )}
        <Button
          variant="subtle"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={clearFilters}
          disabled={active === 0}
          data-testid="clear-filters"
        >
          {t('filters.clear')}
        </Button>
      </Group>
      {narrow ? (
        <Collapse expanded={panelOpen} id={panelId}>
          {fields}
        </Collapse>
      ) : (
        fields
      )}
    </Stack>
  );
}
