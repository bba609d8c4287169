import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function AdminPage() {
  const { t } = useTranslation('admin');
  return <Title order={2}>{t('title')}</Title>;
}
