import { Anchor, Paper, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '@relaydesk/web-auth';
import { hasDraft } from '../new-ticket-draft';

/**
 * On an article opened from the new-ticket form's suggestions (`?from=new-ticket`): the way back
 * to the request being written, which the form restores from its draft. Nothing for anyone else,
 * nor once the draft is gone (filed or cancelled in another view).
 */
export function BackToRequestLink() {
  const [params] = useSearchParams();
  const { user } = useAuth();
  if (params.get('from') !== 'new-ticket' || !user || !hasDraft(user.id)) return null;
  return <BackLink />;
}

/** Apart, so readers who never came from the form do not load the namespace. */
function BackLink() {
  const { t } = useTranslation('kbSuggestions');
  return (
    <Paper withBorder p="sm" radius="md" bg="blue.0" data-testid="back-to-request">
      <Anchor component={Link} to="/tickets/new" fw={600} data-testid="back-to-request-link">
        <IconArrowLeft size={16} style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
        {t('back')}
      </Anchor>
      <Text size="xs" c="dimmed" mt={2}>
        {t('backHint')}
      </Text>
    </Paper>
  );
}
