import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function MyTicketsPage() {
  const { t } = useTranslation('tickets');
  return <Title order={2}>{t('title')}</Title>;
}
