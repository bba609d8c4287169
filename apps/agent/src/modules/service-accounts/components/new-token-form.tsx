import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { API_SCOPES } from '@relaydesk/contracts';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { ApiScope, CreatedApiToken } from '../api';
import { useCreateApiToken } from '../hooks';
import { scopeKey } from './scope-label';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Valid until" a local day means through its end: the start of the next day. */
function endOfDay(day: string): string | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).toISOString();
}

/**
 * Issues a token and shows it once: the API keeps only its hash, so once this panel is closed
 * nobody can see it again.
 */
export function NewTokenForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('serviceAccountsAdmin');
  const create = useCreateApiToken(accountId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['tickets:read']);
  const [day, setDay] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [noScopes, setNoScopes] = useState(false);
  const errors = fieldErrors(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (scopes.length === 0) return setNoScopes(true);
    create.mutate(
      { name, scopes, expiresAt: day ? endOfDay(day) : null },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
          setDay('');
        },
      },
    );
  };

  if (created) {
    return (
      <Alert color="teal" variant="light" title={t('tokens.shownOnce')} data-testid="token-created">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ wordBreak: 'break-all', flex: 1 }} data-testid="token-value">
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} data-testid="token-copy">
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">{t('tokens.usage')}</Text>
          <Group>
            <Button variant="default" onClick={() => setCreated(null)} data-testid="token-done">
              {t('tokens.done')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="token-form">
      <Stack gap="sm">
        <Title order={5}>{t('tokens.create')}</Title>
        {create.error && <ProblemMessage error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('tokens.name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-testid="token-name"
          />
          <TextInput
            type="date"
            label={t('tokens.expiresOn')}
            description={t('tokens.expiresHint')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={errors.expiresAt}
            data-testid="token-expires"
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('tokens.scopes')}
          value={scopes}
          onChange={(value) => {
            setScopes(value as ApiScope[]);
            setNoScopes(false);
          }}
          error={noScopes ? t('tokens.noScopes') : errors.scopes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
            {API_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={`${t(scopeKey(scope))} (${scope})`}
                data-testid={`token-scope-${scope}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="token-issue">
            {t('tokens.issue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
