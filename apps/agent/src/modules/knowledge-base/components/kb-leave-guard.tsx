import { useEffect } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved changes are lost: inside the app (a link, Back) with our dialog, when the
 * tab closes or reloads with the browser's own. `dirty` is read when the user leaves, so a
 * page that just saved can navigate away freely.
 */
export function KbLeaveGuard({ dirty }: { dirty: () => boolean }) {
  const { t } = useTranslation(['kb', 'common']);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty() && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('editor.leaveTitle')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Text mb="md">{t('editor.leaveText')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()} data-testid="kb-leave-stay">
          {t('editor.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()} data-testid="kb-leave-confirm">
          {t('editor.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
