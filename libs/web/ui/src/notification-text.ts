import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, type NotificationKind } from '@relaydesk/contracts';
import { useFormat } from './format';

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const nameIn = (v: unknown) => text(asRecord(v).name) ?? '?';

/**
 * One sentence per notification kind (the bell of both apps), from what its `data` carries; the
 * ticket is shown beside it. Fields a kind may lack (who did it, the new status) are left out
 * rather than guessed, and a kind newer than this app reads "Notification".
 */
export function useNotificationText() {
  const { t } = useTranslation('notificationKinds');
  const format = useFormat();
  return (n: { kind: string; data: unknown }): string => {
    const data = asRecord(n.data);
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(n.kind)) return t('sentence.other');
    const kind = n.kind as NotificationKind;
    switch (kind) {
      case 'sla_reminder':
      case 'sla_breached':
      case 'sla_escalated': {
        const clock = text(data.clock) ?? '';
        return t(`sentence.${kind}`, {
          clock: t(`clock.${clock}`, { defaultValue: clock }),
          due: format.dateTime(text(data.dueAt)),
          percent: typeof data.reminderPercent === 'number' ? data.reminderPercent : '?',
        });
      }
      case 'deputyship_started':
      case 'deputyship_ended':
        return t(`sentence.${kind}`, {
          deputy: nameIn(data.deputy),
          principal: nameIn(data.principal),
        });
      case 'work_allowance_reached':
        return t('sentence.work_allowance_reached', {
          contract: text(asRecord(data.contract).number) ?? '?',
          percent: typeof data.threshold === 'number' ? data.threshold : '?',
        });
      case 'status_changed': {
        const status = text(data.statusName) ?? text(asRecord(data.ticket).statusName);
        return status ? t('sentence.status_changed_to', { status }) : t('sentence.status_changed');
      }
      default: {
        const sentence = t(`sentence.${kind}`);
        const who = text(data.authorName) ?? text(data.actorName);
        return who ? t('sentence.by', { text: sentence, name: who }) : sentence;
      }
    }
  };
}
