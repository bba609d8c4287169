import { useId, useState } from 'react';
import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText, useTranslatedName } from '@relaydesk/web-ui';
import { RecordModal } from '../../../shared/forms/record-modal';
import type { Category } from '../api';
import { useAdminCategories, useSaveCategory } from '../hooks';
import { CategoryForm } from './category-form';

type Editing = { category?: Category; parentId?: string | null } | null;

/** Categories as a two-level tree: top-level ones with their subcategories under them. */
export function CategoriesSection() {
  const { t } = useTranslation(['categories', 'admin', 'common']);
  const tn = useTranslatedName();
  const errorText = useErrorText();
  const headingId = useId();
  const list = useAdminCategories();
  const save = useSaveCategory();
  const [editing, setEditing] = useState<Editing>(null);
  const [formKey, setFormKey] = useState(0);
  const all = list.data ?? [];
  const open = (e: Editing) => {
    setEditing(e);
    setFormKey((k) => k + 1);
  };
  const notify = (color: string, message: string) => notifications.show({ color, message });

  const tops = all.filter((c) => c.parentId === null);
  const rows = tops.flatMap((top) => [top, ...all.filter((c) => c.parentId === top.id)]);
  // Subcategories whose parent is not in the list (should not happen) still show, last.
  const orphans = all.filter((c) => c.parentId !== null && !tops.some((p) => p.id === c.parentId));

  const setActive = (c: Category, active: boolean) =>
    save.mutate(
      { id: c.id, body: { active, version: c.version } },
      {
        onSuccess: () =>
          notify(
            'green',
            t(active ? 'admin:reactivated' : 'admin:deactivated', { name: tn(c.name) }),
          ),
        onError: (error) => notify('red', errorText(error)),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id={headingId}>
          {t('admin:tabs.categories')}
        </Title>
        <Button onClick={() => open({ parentId: null })} data-testid="category-create">
          {t('create')}
        </Button>
      </Group>
      {list.isPending ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      ) : list.isError ? (
        <ProblemMessage error={list.error} />
      ) : all.length === 0 ? (
        <Text py="lg">{t('common:empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.name')}</Table.Th>
                <Table.Th>{t('columns.audience')}</Table.Th>
                <Table.Th>{t('admin:columns.status')}</Table.Th>
                <Table.Th>{t('admin:columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows, ...orphans].map((c) => {
                const child = c.parentId !== null;
                const name = tn(c.name);
                return (
                  <Table.Tr
                    key={c.id}
                    data-testid={`category-row-${c.id}`}
                    data-level={child ? 2 : 1}
                  >
                    <Table.Td style={{ paddingLeft: child ? 36 : undefined }}>
                      <Text size="sm" fw={child ? 400 : 600}>
                        {child && (
                          <span aria-hidden="true" style={{ marginRight: 6 }}>
                            └
                          </span>
                        )}
                        {name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.isPublic ? t('columns.public') : t('columns.internal')}</Table.Td>
                    <Table.Td>
                      <Badge color={c.active ? 'green' : 'gray'} variant="dot">
                        {c.active ? t('admin:list.statusActive') : t('admin:list.statusInactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => open({ category: c })}
                          aria-label={t('admin:list.editLabel', { name })}
                          data-testid="category-edit"
                        >
                          {t('admin:list.edit')}
                        </Button>
                        {!child && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => open({ parentId: c.id })}
                            aria-label={t('addChildLabel', { name })}
                            data-testid="category-add-child"
                          >
                            {t('addChild')}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={c.active ? 'red' : undefined}
                          loading={save.isPending && save.variables?.id === c.id}
                          onClick={() => setActive(c, !c.active)}
                          aria-label={t(
                            c.active ? 'admin:list.deactivateLabel' : 'admin:list.reactivateLabel',
                            { name },
                          )}
                        >
                          {t(c.active ? 'admin:list.deactivate' : 'admin:list.reactivate')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.category
            ? t('edit')
            : editing?.parentId
              ? t('createChild', {
                  parent: tn(all.find((c) => c.id === editing.parentId)?.name),
                })
              : t('create')
        }
        size="lg"
      >
        {editing && (
          <CategoryForm
            key={formKey}
            category={editing.category}
            parentId={editing.parentId}
            all={all}
            onDone={() => {
              setEditing(null);
              notify('green', t('admin:saved'));
            }}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              await list.refetch();
              setEditing(null);
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
