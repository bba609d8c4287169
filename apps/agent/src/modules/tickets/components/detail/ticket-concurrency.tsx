import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '@relaydesk/web-ui';
import { useInvalidateTickets } from '../../hooks';

export { isVersionConflict };

interface TicketConcurrency {
  /** Someone else changed the ticket; the last write was refused. */
  conflict: boolean;
  /** Returns true when the error was a conflict (and is now shown by <ConflictAlert/>). */
  report: (error: unknown) => boolean;
  /** Refetches everything about the ticket and clears the conflict. */
  reload: () => Promise<void>;
  reloading: boolean;
  /**
   * Grows after each reload and each own successful write. A draft started in an older epoch
   * takes the ticket's current version: the user has seen (or made) every change since.
   */
  epoch: number;
  advance: () => void;
}

const Context = createContext<TicketConcurrency | null>(null);

export function TicketConcurrencyProvider({ children }: { children: ReactNode }) {
  const invalidate = useInvalidateTickets();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [epoch, setEpoch] = useState(0);

  const value = useMemo<TicketConcurrency>(
    () => ({
      conflict,
      reloading,
      epoch,
      advance: () => setEpoch((e) => e + 1),
      report: (error) => {
        if (!isVersionConflict(error)) return false;
        setConflict(true);
        return true;
      },
      reload: async () => {
        setReloading(true);
        try {
          await invalidate();
          setConflict(false);
          setEpoch((e) => e + 1);
        } finally {
          setReloading(false);
        }
      },
    }),
    [conflict, reloading, epoch, invalidate],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useTicketConcurrency(): TicketConcurrency {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useTicketConcurrency outside TicketConcurrencyProvider');
  return ctx;
}

/** "Someone else changed this ticket" with a Reload button; unsent text stays where it is. */
export function ConflictAlert() {
  const { t } = useTranslation('ticketDetail');
  const { conflict, reload, reloading } = useTicketConcurrency();
  if (!conflict) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconUsers size={20} aria-hidden />}
      title={t('conflict.title')}
      data-testid="conflict-alert"
      // Sticky, so it stays in sight wherever on the page the refused change was made.
      style={{
        position: 'sticky',
        top: 'calc(var(--app-shell-header-offset, 0px) + var(--mantine-spacing-xs))',
        zIndex: 5,
        boxShadow: 'var(--mantine-shadow-sm)',
        background: 'var(--mantine-color-orange-0)',
        border: '1px solid var(--mantine-color-orange-4)',
      }}
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('conflict.body')}</Text>
        <Button
          size="xs"
          // White on Mantine's orange 9 is 4.29:1; this orange keeps 6:1 (WCAG AA 4.5:1).
          color="#ae3e0b"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={reloading}
          onClick={() => void reload()}
          data-testid="conflict-reload"
        >
          {t('conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
