import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useKbSections } from '@relaydesk/web-kb';
import { preloadStrings } from '../../lazy-strings';
import type { KbAdminSection } from './kb-admin-api';
import { useSectionErrorText } from './kb-admin-errors';
import { useKbAdminPermissions, useRemoveKbSection, useReorderKbSections } from './kb-admin-hooks';
import { KbAdminNav } from './kb-admin-nav';
import { KbSectionForm, type KbSectionEditing } from './kb-sections-form';
import { reorderedSiblings, sectionRows, type KbSectionRow } from './kb-sections-model';

preloadStrings(['kbAdmin']);

// Shades with AA contrast as outline text on white (axe checks them in the browser test).
const AUDIENCE_COLOR = { public: '#237032', clients: 'blue.9', staff: 'gray.8' } as const;

function SectionRow({
  row,
  busy,
  onMove,
  onAdd,
  onEdit,
  onDelete,
}: {
  row: KbSectionRow;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
  onAdd: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('kbAdmin');
  const { section, depth, index, siblings } = row;
  const name = section.name;
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      ml={depth * 28}
      data-testid="kb-section-row"
      data-section-name={name}
      aria-level={depth + 1}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{name}</Text>
            <Badge color={AUDIENCE_COLOR[section.audience]} variant="outline" size="sm">
              {t(`audience.${section.audience}`)}
            </Badge>
            {section.audience === 'clients' && section.organizationIds.length > 0 && (
              <Badge color="gray.8" variant="outline" size="sm" data-testid="kb-section-org-count">
                {t('organizationsCount', { count: section.organizationIds.length })}
              </Badge>
            )}
          </Group>
          {section.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {section.description}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('moveUp')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('moveUpNamed', { name })}
              disabled={busy || index === 0}
              onClick={onMove.bind(null, -1)}
              data-testid="kb-section-up"
            >
              ↑
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('moveDown')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('moveDownNamed', { name })}
              disabled={busy || index === siblings.length - 1}
              onClick={onMove.bind(null, 1)}
              data-testid="kb-section-down"
            >
              ↓
            </ActionIcon>
          </Tooltip>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={onAdd}
            aria-label={t('addChildNamed', { name })}
          >
            {t('addChild')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={onEdit}
            aria-label={t('editNamed', { name })}
            data-testid="kb-section-edit"
          >
            {t('edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={onDelete}
            aria-label={t('deleteNamed', { name })}
            data-testid="kb-section-delete"
          >
            {t('delete')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/**
 * Knowledge-base sections (kb.manage): the tree in reading order, each section moved among its
 * siblings with up/down, changed, moved under another parent, given an audience and, for
 * clients, the organizations it is for.
 */
export default function KbSectionsPage() {
  const { t } = useTranslation(['kbAdmin', 'common']);
  useDocumentTitle(`${t('sections.title')} · ${t('common:appName')}`);
  const may = useKbAdminPermissions();
  const sections = useKbSections();
  const reorder = useReorderKbSections();
  const remove = useRemoveKbSection();
  const errorText = useSectionErrorText();
  const [editing, setEditing] = useState<KbSectionEditing | null>(null);
  const [deleting, setDeleting] = useState<KbAdminSection | null>(null);

  if (!may.manage) {
    return (
      <Stack gap="md">
        <Title order={2}>{t('sections.title')}</Title>
        <Alert color="red" variant="light" role="alert">
          {t('forbidden')}
        </Alert>
      </Stack>
    );
  }
  const all = sections.data ?? [];
  const rows = sectionRows(all);
  const actionError = reorder.error ?? remove.error;

  return (
    <Stack gap="md" maw={960}>
      <KbAdminNav />
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('sections.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('sections.hint')}
          </Text>
        </div>
        <Button
          onClick={() => setEditing({ mode: 'create', parentId: null })}
          data-testid="kb-section-new"
        >
          {t('sections.new')}
        </Button>
      </Group>
      {actionError != null && (
        <Alert color="red" variant="light" role="alert" data-testid="kb-sections-error">
          {errorText(actionError)}
        </Alert>
      )}
      {sections.error ? (
        <ProblemMessage error={sections.error} />
      ) : sections.isPending ? (
        <Loader role="status" aria-label={t('common:loading')} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('sections.empty')}</Text>
      ) : (
        <Stack
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('sections.title')}
          data-testid="kb-sections-tree"
        >
          {rows.map((row) => (
            <SectionRow
              key={row.section.id}
              row={row}
              busy={reorder.isPending}
              onMove={(direction) => {
                remove.reset();
                const order = reorderedSiblings(row, direction);
                if (order) reorder.mutate(order);
              }}
              onAdd={() => setEditing({ mode: 'create', parentId: row.section.id })}
              onEdit={() => setEditing({ mode: 'edit', section: row.section })}
              onDelete={() => {
                reorder.reset();
                remove.reset();
                setDeleting(row.section);
              }}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <KbSectionForm editing={editing} sections={all} onClose={() => setEditing(null)} />
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('sections.deleteTitle', { name: deleting?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('sections.deleteText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="kb-section-delete-confirm"
              onClick={() => {
                if (deleting) remove.mutate(deleting.id, { onSettled: () => setDeleting(null) });
              }}
            >
              {t('delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
