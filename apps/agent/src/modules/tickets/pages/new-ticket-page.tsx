import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function NewTicketPage() {
  const { t } = useTranslation('ticketDetail');
  return <Title order={2}>{t('title')}</Title>;
}
