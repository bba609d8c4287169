import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function CalendarPage() {
  const { t } = useTranslation('calendar');
  return <Title order={2}>{t('title')}</Title>;
}
