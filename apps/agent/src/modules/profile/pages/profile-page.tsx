import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function ProfilePage() {
  const { t } = useTranslation('profile');
  return <Title order={2}>{t('title')}</Title>;
}
