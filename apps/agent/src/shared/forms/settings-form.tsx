import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';

/**
 * The draft of a one-record settings page (Administration > Visibility, Web form): taken from
 * the saved settings each time they load (after a save, too), and `dirty` while it differs
 * from them, so the save bar can say there is something unsaved and offer to discard it.
 */
export function useSettingsDraft<S, D>(saved: S | undefined, toDraft: (saved: S) => D) {
  const [draft, setDraft] = useState<D | null>(null);
  useEffect(() => {
    if (saved) setDraft(toDraft(saved));
    // toDraft is a pure mapping; only new settings make a new draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
  const dirty =
    saved !== undefined &&
    draft !== null &&
    JSON.stringify(draft) !== JSON.stringify(toDraft(saved));
  const set = <K extends keyof D>(key: K, value: D[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const discard = () => saved && setDraft(toDraft(saved));
  return { draft, setDraft, set, dirty, discard };
}

/** The page's frame: title and hint above, the settings below; a loader or the error first. */
export function SettingsFrame({
  title,
  hint,
  testId,
  loading,
  error,
  children,
}: {
  title: string;
  hint: string;
  testId: string;
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation('settingsForm');
  if (error) return <ProblemMessage error={error} />;
  if (loading) return <Loader role="status" aria-label={t('loading')} />;
  return (
    <Stack gap="lg" maw={760} data-testid={testId}>
      <div>
        <Title order={3}>{title}</Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** The settings form: the save's problem on top, the fields, and the save bar. */
export function SettingsForm({
  onSubmit,
  saveLabel,
  saveTestId,
  pending,
  error,
  dirty,
  onDiscard,
  children,
}: {
  onSubmit: () => void;
  saveLabel: string;
  saveTestId: string;
  pending: boolean;
  error: unknown;
  dirty: boolean;
  onDiscard: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('settingsForm');
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <Stack gap="md">
        {error != null && <ProblemMessage error={error} />}
        {children}
        <Group gap="sm">
          <Button type="submit" loading={pending} data-testid={saveTestId}>
            {saveLabel}
          </Button>
          {dirty && (
            <>
              <Button variant="subtle" onClick={onDiscard} data-testid="settings-discard">
                {t('discard')}
              </Button>
              <Text size="sm" c="dimmed" role="status" data-testid="settings-unsaved">
                {t('unsaved')}
              </Text>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}
