import { useEffect, useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { Loading } from '../../tickets/components/loading';
import { CardList } from '../components/card-list';
import { EquipmentCard } from '../components/equipment-card';
import { RegistersNav } from '../components/registers-nav';
import { useEquipmentList, useEquipmentTypes, useServiceObjects } from '../hooks';

const PAGE_SIZE = 25;

/** The organization's equipment; search and filters live in the URL, so "back" keeps them. */
export default function EquipmentListPage() {
  const { t } = useTranslation(['registers', 'common']);
  const [params, setParams] = useSearchParams();
  const objects = useServiceObjects().data ?? [];
  const types = useEquipmentTypes().data ?? [];
  const objectParam = params.get('object') ?? '';
  const typeParam = params.get('type') ?? '';
  // An id the client cannot see (any more) would list nothing; treat it as no filter.
  const objectId = objects.some((o) => o.id === objectParam) ? objectParam : '';
  const typeId = types.some((x) => x.id === typeParam) ? typeParam : '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const setFilter = (name: 'object' | 'type', value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const list = useEquipmentList({
    limit: PAGE_SIZE,
    ...(objectId ? { serviceObjectId: objectId } : {}),
    ...(typeId ? { typeId } : {}),
    ...(debounced ? { q: debounced } : {}),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!objectId || !!typeId || !!debounced;

  return (
    <Stack gap="md">
      <RegistersNav current="equipment" />
      <div>
        <Title order={2}>{t('equipment.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('equipment.intro')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('equipment.search')}
          placeholder={t('equipment.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '2 1 260px' }}
          data-testid="equipment-search"
        />
        {objects.length > 1 && (
          <NativeSelect
            label={t('equipment.object')}
            value={objectId}
            onChange={(e) => setFilter('object', e.currentTarget.value)}
            data={[
              { value: '', label: t('equipment.allObjects') },
              ...objects.map((o) => ({ value: o.id, label: o.name })),
            ]}
            style={{ flex: '1 1 140px' }}
            data-testid="equipment-object-filter"
          />
        )}
        {types.length > 1 && (
          <NativeSelect
            label={t('equipment.type')}
            value={typeId}
            onChange={(e) => setFilter('type', e.currentTarget.value)}
            data={[
              { value: '', label: t('equipment.allTypes') },
              ...types.map((x) => ({ value: x.id, label: x.name })),
            ]}
            style={{ flex: '1 1 140px' }}
            data-testid="equipment-type-filter"
          />
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemMessage error={list.error} />
      ) : (
        <div
          data-testid="equipment-list"
          aria-busy={list.isPlaceholderData}
          data-loading={list.isPlaceholderData || undefined}
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          {items.length === 0 ? (
            <Text c="dimmed" py="md" data-testid="equipment-empty">
              {filtered ? t('equipment.emptyFiltered') : t('equipment.empty')}
            </Text>
          ) : (
            <CardList
              items={items}
              keyOf={(item) => item.id}
              render={(item) => <EquipmentCard item={item} showObject={!objectId} />}
            />
          )}
        </div>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}
