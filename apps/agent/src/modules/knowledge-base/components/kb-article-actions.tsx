import { useState } from 'react';
import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { kbQueryKeys } from '@relaydesk/web-kb';
import { isVersionConflict, ProblemMessage } from '@relaydesk/web-ui';
import type { KbArticle, KbStatus } from '../api';
import { useDeleteKbArticle, useKbPermissions, useKbReview, useKbStatusChange } from '../hooks';

const NEXT: Record<KbStatus, KbStatus[]> = {
  draft: ['published', 'archived'],
  published: ['archived', 'draft'],
  archived: ['published', 'draft'],
};
const ACTION: Record<KbStatus, string> = {
  published: 'publish',
  archived: 'archive',
  draft: 'toDraft',
};
const DONE: Record<KbStatus, string> = {
  published: 'published',
  archived: 'archived',
  draft: 'drafted',
};

/** Edit, history, status changes, review and delete, each for whoever may do it. */
export function KbArticleActions({ article }: { article: KbArticle }) {
  const { t } = useTranslation(['kb', 'common']);
  const may = useKbPermissions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const status = useKbStatusChange(article.id);
  const review = useKbReview(article.id);
  const remove = useDeleteKbArticle(article.id);
  const [deleting, setDeleting] = useState(false);
  const error = status.error ?? review.error;
  // A stale version: someone changed the article meanwhile; show theirs, then the user retries.
  const onError = (e: unknown) => {
    if (isVersionConflict(e)) {
      void client.invalidateQueries({ queryKey: kbQueryKeys.article('signed-in', article.id) });
    }
  };
  if (!may.edit) return null;
  const [primary, ...others] = NEXT[article.status];
  const change = (next: KbStatus) =>
    status.mutate(
      { version: article.version, status: next },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t(`actions.${DONE[next]}`) }),
        onError,
      },
    );

  return (
    <>
      <Group gap="xs" aria-label={t('actions.label')} role="group">
        <Button component={Link} to={`/kb/articles/${article.id}/edit`} data-testid="kb-edit">
          {t('actions.edit')}
        </Button>
        <Button
          variant="default"
          onClick={() => change(primary)}
          loading={status.isPending}
          data-testid={`kb-status-${primary}`}
        >
          {t(`actions.${ACTION[primary]}`)}
        </Button>
        <Button
          variant="default"
          loading={review.isPending}
          onClick={() =>
            review.mutate(article.version, {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('actions.reviewed') }),
              onError,
            })
          }
          data-testid="kb-mark-reviewed"
        >
          {t('actions.markReviewed')}
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button
              variant="default"
              rightSection={<IconChevronDown size={14} />}
              data-testid="kb-more"
            >
              {t('actions.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              component={Link}
              to={`/kb/articles/${article.id}/history`}
              data-testid="kb-history"
            >
              {t('actions.history')}
            </Menu.Item>
            {others.map((s) => (
              <Menu.Item key={s} onClick={() => change(s)} data-testid={`kb-status-${s}`}>
                {t(`actions.${ACTION[s]}`)}
              </Menu.Item>
            ))}
            {may.manage && (
              <Menu.Item color="red" onClick={() => setDeleting(true)} data-testid="kb-delete">
                {t('actions.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {isVersionConflict(error) ? (
        <Text c="red" size="sm" role="alert">
          {t('actions.stale')}
        </Text>
      ) : (
        <ProblemMessage error={error} />
      )}
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('actions.delete')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Text mb="md">{t('actions.deleteConfirm', { title: article.title })}</Text>
        <ProblemMessage error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(false)}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="kb-delete-confirm"
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('actions.deleted') });
                  void navigate('/kb');
                },
              })
            }
          >
            {t('actions.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
