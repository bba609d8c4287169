import { useId, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText } from '@relaydesk/web-ui';
import { isVersionConflict } from './form-problem';
import { RecordModal } from './record-modal';

/** What an administration list filters by: words, and active or not. */
export type ListFilter = { q?: string; active?: boolean };

export interface AdminRecord {
  id: string;
  name: string;
  active: boolean;
  version: number;
}

export interface Column<T> {
  key: string;
  header: string;
  cell: (record: T) => ReactNode;
}

export interface RecordFormProps<T> {
  /** The record to edit; none to create one. */
  record?: T;
  onDone: () => void;
  onCancel: () => void;
  /** After a conflict: read the record again and restart the form with it. */
  onReload: () => Promise<void>;
}

type Pages<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor?: string | null }>>;
/** The part of a directory save mutation the list uses to turn records off and on. */
interface SaveMutation {
  mutate: (
    variables: { id: string; body: { active: boolean; version: number } },
    options: { onSuccess: () => void; onError: (error: Error) => void },
  ) => void;
  isPending: boolean;
  variables?: { id?: string };
}

interface AdminSectionProps<T extends AdminRecord> {
  /** Which list (`users`, `projects`...): picks its texts (`tabs.<kind>`, `create.<kind>`...). */
  kind: string;
  usePages: (filter: ListFilter) => Pages<T>;
  /** The directory save hook: it also turns records off and on again. */
  useSave: () => SaveMutation;
  reload: (id: string) => Promise<T>;
  columns: Column<T>[];
  Form: (props: RecordFormProps<T>) => ReactNode;
}

type Status = 'all' | 'active' | 'inactive';
type Editing<T> = { record?: T } | null;

/**
 * One administration list: search, status filter, a table with "load more", and a modal form to
 * create or edit. Deactivating asks first; reactivating does not.
 */
export function AdminSection<T extends AdminRecord>({
  kind,
  usePages,
  useSave,
  reload,
  columns,
  Form,
}: AdminSectionProps<T>) {
  const { t } = useTranslation(['admin', 'common']);
  const errorText = useErrorText();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<Status>('all');
  const filter: ListFilter = {
    ...(q ? { q } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
  };
  const pages = usePages(filter);
  const save = useSave();
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [formKey, setFormKey] = useState(0);
  const [confirming, setConfirming] = useState<T | null>(null);

  const records = pages.data?.pages.flatMap((page) => page.items) ?? [];

  const setActive = (record: T, active: boolean) => {
    save.mutate(
      { id: record.id, body: { active, version: record.version } },
      {
        onSuccess: () => {
          setConfirming(null);
          notifications.show({
            color: 'green',
            message: t(active ? 'reactivated' : 'deactivated', { name: record.name }),
          });
        },
        onError: (error) => {
          setConfirming(null);
          const conflict = isVersionConflict(error);
          if (conflict) void pages.refetch();
          notifications.show({
            color: 'red',
            title: conflict ? t('conflict.title') : undefined,
            message: conflict ? t('conflict.list', { name: record.name }) : errorText(error),
          });
        },
      },
    );
  };

  const reloadEditing = async () => {
    const id = editing?.record?.id;
    if (!id) return;
    try {
      const fresh = await reload(id);
      setEditing({ record: fresh });
      setFormKey((k) => k + 1);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };

  let body: ReactNode;
  if (pages.isPending) {
    body = (
      <Center p="xl">
        <Loader role="status" aria-label={t('common:loading')} />
      </Center>
    );
  } else if (pages.isError && !pages.data) {
    body = (
      <Stack align="flex-start">
        <ProblemMessage error={pages.error} />
        <Button variant="default" onClick={() => void pages.refetch()}>
          {t('common:reload')}
        </Button>
      </Stack>
    );
  } else if (records.length === 0) {
    body = (
      <Text py="lg" data-testid="admin-empty">
        {q || status !== 'all' ? t('list.nothingFound') : t('common:empty')}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover verticalSpacing="xs" aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key}>{c.header}</Table.Th>
              ))}
              <Table.Th>{t('columns.status')}</Table.Th>
              <Table.Th>{t('columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record) => (
              <Table.Tr
                key={record.id}
                data-testid={`admin-row-${record.id}`}
                style={record.active ? undefined : { color: 'var(--mantine-color-gray-7)' }}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c.cell(record)}</Table.Td>
                ))}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    color={record.active ? 'green' : 'gray'}
                    variant="dot"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t(`status.${kind}.${record.active ? 'active' : 'inactive'}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => {
                        setEditing({ record });
                        setFormKey((k) => k + 1);
                      }}
                      aria-label={t('list.editLabel', { name: record.name })}
                      data-testid="admin-edit"
                    >
                      {t('list.edit')}
                    </Button>
                    {record.active ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setConfirming(record)}
                        aria-label={t('list.deactivateLabel', { name: record.name })}
                        data-testid="admin-deactivate"
                      >
                        {t('list.deactivate')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setActive(record, true)}
                        loading={save.isPending && save.variables?.id === record.id}
                        aria-label={t('list.reactivateLabel', { name: record.name })}
                        data-testid="admin-reactivate"
                      >
                        {t('list.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id={headingId}>
          {t(`tabs.${kind}`)}
        </Title>
        <Button
          onClick={() => {
            setEditing({});
            setFormKey((k) => k + 1);
          }}
          data-testid="admin-create"
        >
          {t(`create.${kind}`)}
        </Button>
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('list.search')}
          placeholder={t(`list.searchPlaceholder.${kind}`)}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={320}
          data-testid="admin-search"
        />
        <SegmentedControl
          aria-label={t('list.status')}
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={[
            { value: 'all', label: t('list.statusAll') },
            { value: 'active', label: t('list.statusActive') },
            { value: 'inactive', label: t('list.statusInactive') },
          ]}
        />
        {pages.isFetching && !pages.isPending && (
          <Loader size="xs" role="status" aria-label={t('common:loading')} />
        )}
      </Group>
      {body}
      {pages.isFetchNextPageError && <ProblemMessage error={pages.error} />}
      {pages.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            data-testid="admin-load-more"
          >
            {t('common:loadMore')}
          </Button>
        </Group>
      )}

      <RecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.record ? t(`edit.${kind}`) : t(`create.${kind}`)}
        size="lg"
      >
        {editing && (
          <Form
            key={formKey}
            record={editing.record}
            onDone={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: t('saved') });
            }}
            onCancel={() => setEditing(null)}
            onReload={reloadEditing}
          />
        )}
      </RecordModal>

      <RecordModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('confirm.title', { name: confirming?.name ?? '' })}
      >
        <Stack>
          <Text size="sm">{t(`confirm.${kind}`)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={save.isPending}
              onClick={() => confirming && setActive(confirming, false)}
              data-testid="admin-confirm-deactivate"
            >
              {t('list.deactivate')}
            </Button>
          </Group>
        </Stack>
      </RecordModal>
    </Stack>
  );
}
