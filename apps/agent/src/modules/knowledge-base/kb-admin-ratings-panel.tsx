import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useFormat } from '@relaydesk/web-ui';
import { useKbAdminPermissions, useKbRatings } from './kb-admin-hooks';

/**
 * Readers' votes on an article with their comments, for staff who edit the knowledge base
 * (the comments are never shown to readers). Mounted on the article page; renders nothing for
 * those without kb.edit.
 */
export function KbRatingsPanel({ articleId }: { articleId: string }) {
  const may = useKbAdminPermissions();
  return may.edit ? <Ratings articleId={articleId} /> : null;
}

function Ratings({ articleId }: { articleId: string }) {
  const { t } = useTranslation('kbAdmin');
  const format = useFormat();
  const ratings = useKbRatings(articleId);
  const list = ratings.data ?? [];
  const helpful = list.filter((r) => r.helpful).length;
  return (
    <Card
      withBorder
      padding="md"
      mt="md"
      component="section"
      aria-labelledby="kb-ratings-title"
      data-testid="kb-ratings-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="kb-ratings-title">
            {t('ratings.title')}
          </Title>
          {ratings.data && (
            <Text size="sm" c="dimmed" data-testid="kb-ratings-summary">
              {t('ratings.summary', { helpful, notHelpful: list.length - helpful })}
            </Text>
          )}
        </Group>
        {ratings.error ? (
          <ProblemMessage error={ratings.error} />
        ) : ratings.isPending ? (
          <Loader size="sm" role="status" aria-label={t('ratings.title')} />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ratings.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((r) => (
              <li key={r.user.id} data-testid="kb-rating">
                <Group gap="xs" wrap="wrap">
                  <Badge color={r.helpful ? '#237032' : 'red.9'} variant="outline" size="sm">
                    {r.helpful ? t('ratings.helpful') : t('ratings.notHelpful')}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {r.user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(r.updatedAt)}
                  </Text>
                </Group>
                {r.comment && (
                  <Text
                    size="sm"
                    mt={2}
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  >
                    {r.comment}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
