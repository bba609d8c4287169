import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a missing or invisible article or section shows: the API answers both with a 404. */
export function KbNotFound({ title }: { title: string }) {
  const { t } = useTranslation('kb');
  return (
    <Stack gap="sm" data-testid="kb-not-found">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{t('article.notFoundText')}</Text>
      <Anchor component={Link} to="/kb">
        {t('article.backHome')}
      </Anchor>
    </Stack>
  );
}
