import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function TicketListPage() {
  const { t } = useTranslation('ticketList');
  return <Title order={2}>{t('title')}</Title>;
}
