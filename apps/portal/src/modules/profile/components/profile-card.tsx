import { useEffect, useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '@relaydesk/api-client';
import { useAuth } from '@relaydesk/web-auth';
import { ProblemMessage } from '@relaydesk/web-ui';

type Me = Schemas['UserDto'];
type MePatch = Schemas['UpdateMeDto'];

/**
 * One card's part of the client's own account (GET/PATCH /me): read once when the card opens
 * (`onLoad` fills the fields), saved with the card's fields only; the session then holds the
 * saved user, so the header and the other cards see it.
 */
export function useOwnProfile(onLoad: (me: Me) => void) {
  const { api, session } = useAuth();
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    unwrap(api.GET('/api/v1/me')).then(
      (me) => {
        onLoad(me);
        setLoaded(true);
      },
      (e: unknown) => setError(e),
    );
    // Read once per API client: onLoad only fills this card's fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  /** The saved user, or null when the API refused (the error is then shown). */
  const save = async (body: MePatch): Promise<Me | null> => {
    setBusy(true);
    setError(null);
    try {
      const me = await unwrap(api.PATCH('/api/v1/me', { body }));
      session.setUser(me);
      return me;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { loaded, busy, error, save };
}

/** The frame of a profile card: a titled section with its form and Save. */
export function ProfileCard({
  id,
  title,
  onSubmit,
  loaded,
  busy,
  error,
  errorAtField,
  saveTestId,
  children,
}: {
  id: string;
  title: string;
  onSubmit: () => void;
  loaded: boolean;
  busy: boolean;
  error: unknown;
  /** The error is said at one of the fields: no message below them. */
  errorAtField: boolean;
  saveTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  return (
    <Paper withBorder p="lg" maw={560} component="section" aria-labelledby={id}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={3} id={id}>
            {title}
          </Title>
          {children}
          {error != null && !errorAtField && <ProblemMessage error={error} />}
          <Group>
            <Button type="submit" loading={busy} disabled={!loaded} data-testid={saveTestId}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
