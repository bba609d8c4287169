import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useKbVote, type KbArticle } from '@relaydesk/web-kb';
import { useErrorText } from '@relaydesk/web-ui';

/**
 * "Was this helpful? Yes / No": the reader's own vote stays pressed and can be changed (voting
 * again replaces it). Anonymous readers are asked to sign in instead.
 */
export function KbVote({ article, signedIn }: { article: KbArticle; signedIn: boolean }) {
  const { t } = useTranslation('kb');
  const vote = useKbVote(article.id);
  const errorText = useErrorText();
  const mine = article.myVote;
  const option = (helpful: boolean) => {
    const pressed = mine === helpful;
    return (
      <Button
        variant={pressed ? 'filled' : 'default'}
        size="md"
        leftSection={
          helpful ? <IconThumbUp size={18} aria-hidden /> : <IconThumbDown size={18} aria-hidden />
        }
        aria-pressed={pressed}
        loading={vote.isPending && vote.variables?.helpful === helpful}
        onClick={() => vote.mutate({ helpful })}
        data-testid={helpful ? 'kb-vote-yes' : 'kb-vote-no'}
      >
        {helpful ? t('vote.yes') : t('vote.no')}
      </Button>
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="kb-vote-title">
      <Text fw={500} id="kb-vote-title" mb="xs">
        {t('vote.question')}
      </Text>
      {signedIn ? (
        <>
          <Group gap="sm">
            {option(true)}
            {option(false)}
          </Group>
          {mine !== null && (
            <Text size="sm" c="dimmed" mt="xs" role="status" data-testid="kb-vote-thanks">
              {mine ? t('vote.thanksYes') : t('vote.thanksNo')}
            </Text>
          )}
          {vote.isError && (
            <Alert color="red" mt="xs" role="alert">
              {t('vote.failed', { error: errorText(vote.error) })}
            </Alert>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('vote.signInToRate')}
        </Text>
      )}
    </Paper>
  );
}
