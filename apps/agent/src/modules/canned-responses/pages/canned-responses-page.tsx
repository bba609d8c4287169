import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  CANNED_RESPONSE_SCOPES,
  LOCALES,
  type CannedResponseScope,
  type Locale,
} from '@relaydesk/contracts';
import { ProblemMessage } from '@relaydesk/web-ui';
import { preloadStrings } from '../../../lazy-strings';
import type { CannedResponse } from '../api';
import { CannedResponseForm } from '../components/canned-response-form';
import { useCannedResponses, useDeleteCannedResponse } from '../hooks';

preloadStrings(['cannedResponses']);

/**
 * Every staff member's canned responses: their own, their groups' and the global ones (an admin
 * sees every group's). Each can be edited by whoever may keep it in its place.
 */
export default function CannedResponsesPage() {
  const { t } = useTranslation(['cannedResponses', 'common']);
  useDocumentTitle(`${t('title')} · ${t('common:appName')}`);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [scope, setScope] = useState<CannedResponseScope | null>(null);
  const [language, setLanguage] = useState<Locale | null>(null);
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const list = useCannedResponses({
    limit: 200,
    q: q || undefined,
    scope: scope ?? undefined,
    language: language ?? undefined,
  });
  const remove = useDeleteCannedResponse();
  const items = list.data?.items ?? [];

  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const confirmDelete = (c: CannedResponse) => setDeleting(c);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="canned-create">
          {t('create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('hint')}
      </Text>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="canned-search"
        />
        <Select
          label={t('scope.label')}
          placeholder={t('allScopes')}
          clearable
          data={CANNED_RESPONSE_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          value={scope}
          onChange={(v) => setScope(v as CannedResponseScope | null)}
          data-testid="canned-filter-scope"
        />
        <Select
          label={t('language.label')}
          placeholder={t('allLanguages')}
          clearable
          data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={language}
          onChange={(v) => setLanguage(v as Locale | null)}
          data-testid="canned-filter-language"
        />
        {list.isFetching && <Loader size="sm" />}
      </Group>
      <ProblemMessage error={list.error ?? remove.error} />
      {items.length === 0 && !list.isLoading ? (
        <Text c="dimmed">{q || scope || language ? t('nothingFound') : t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="canned-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('scope.label')}</Table.Th>
                <Table.Th>{t('language.label')}</Table.Th>
                <Table.Th>{t('fields.body')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="canned-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('usage', { count: c.usageCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none">
                      {c.scope === 'group' && c.group
                        ? `${t('scope.group')}: ${c.group.name}`
                        : t(`scope.${c.scope}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`language.${c.language}`)}</Table.Td>
                  <Table.Td maw={360}>
                    <Text size="xs" lineClamp={2}>
                      {c.body}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.canEdit && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('editLabel', { title: c.title })}
                          onClick={() => setEditing(c)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('deleteLabel', { title: c.title })}
                          onClick={() => confirmDelete(c)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common:close') }}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? t('deleteConfirm', { title: deleting.title }) : ''}
      >
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="canned-delete-confirm"
            onClick={() =>
              deleting &&
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setDeleting(null);
                  notifications.show({ color: 'green', message: t('deleted') });
                },
              })
            }
          >
            {t('delete')}
          </Button>
        </Group>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common:close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('create') : t('edit')}
        size="xl"
      >
        {editing !== null && (
          <CannedResponseForm
            existing={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
