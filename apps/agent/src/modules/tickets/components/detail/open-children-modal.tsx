import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';

/** The ticket numbers of a 409 "children still open", or null for any other error. */
export function openChildrenOf(error: unknown): number[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const numbers = error.problem.openChildren;
  return Array.isArray(numbers) ? numbers.filter((n): n is number => typeof n === 'number') : null;
}

/**
 * A parent cannot be closed while its children are open: says which ones (linked), and lets
 * dispatchers and administrators close it anyway (the API records that).
 */
export function OpenChildrenModal({
  numbers,
  mayForce,
  pending,
  onForce,
  onClose,
}: {
  numbers: number[];
  mayForce: boolean;
  pending: boolean;
  onForce: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('ticketWork');
  const { t: tc } = useTranslation('common');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('transition.openChildrenTitle')}
      closeButtonProps={{ 'aria-label': tc('close') }}
    >
      <Stack gap="md" data-testid="open-children">
        <Text size="sm">
          {t('transition.openChildrenBody', { numbers: numbers.map((n) => `#${n}`).join(', ') })}
        </Text>
        <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {numbers.map((n) => (
            <li key={n}>
              <Anchor component={Link} to={`/tickets/${n}`} size="sm" onClick={onClose}>
                #{n}
              </Anchor>
            </li>
          ))}
        </Group>
        {mayForce && (
          <Text size="sm" c="dimmed">
            {t('transition.openChildrenForce')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('close')}
          </Button>
          {mayForce && (
            <Button color="red.9" loading={pending} onClick={onForce} data-testid="force-close">
              {t('transition.closeAnyway')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
