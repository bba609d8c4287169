import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbStatus } from '../api';

// Dark shades under white text: readable (contrast) in a filled badge.
const COLORS: Record<KbStatus, string> = {
  draft: 'violet.9',
  published: '#237032',
  archived: 'gray.8',
};

export function KbStatusBadge({ status }: { status: KbStatus }) {
  const { t } = useTranslation('kb');
  return (
    <Badge
      color={COLORS[status]}
      variant="filled"
      style={{ flexShrink: 0 }}
      data-testid="kb-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
