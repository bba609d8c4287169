import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/profile';

export default {
  phoneTitle: 'Телефон и SMS',
  phone: 'Телефон',
  smsOptIn: 'Присылать мне SMS-уведомления на этот номер',
  smsOptInHint:
    'В международном формате, например +79161234567. Какие события приходят по SMS, выбирается в разделе «Уведомления».',
  saved: 'Сохранено.',
} satisfies Translation<typeof en>;
