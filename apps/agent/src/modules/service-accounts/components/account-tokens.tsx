import { useState } from 'react';
import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText, useFormat } from '@relaydesk/web-ui';
import type { ApiToken, ServiceAccount } from '../api';
import { useApiTokens, useRevokeApiToken } from '../hooks';
import { NewTokenForm } from './new-token-form';
import { scopeKey } from './scope-label';

function tokenState(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

/** A service account's tokens: when each was last used, revoking, and issuing a new one. */
export function AccountTokens({ account }: { account: ServiceAccount }) {
  const { t } = useTranslation('serviceAccountsAdmin');
  const format = useFormat();
  const errorText = useErrorText();
  const tokens = useApiTokens(account.id);
  const revoke = useRevokeApiToken(account.id);
  const [confirming, setConfirming] = useState<ApiToken | null>(null);

  const doRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        setConfirming(null);
        notifications.show({ color: 'green', message: t('tokens.revokedNotice') });
      },
      onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
    });

  return (
    <Stack gap="sm" data-testid="account-tokens">
      <Title order={4}>{t('tokens.title', { name: account.name })}</Title>
      {tokens.error && <ProblemMessage error={tokens.error} />}
      {tokens.isPending && <Loader size="sm" role="status" aria-label="Loading" />}
      {tokens.data?.length === 0 && <Text size="sm">{t('tokens.empty')}</Text>}
      {!!tokens.data?.length && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.scopes')}</Table.Th>
                <Table.Th>{t('tokens.expires')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => {
                const state = tokenState(token);
                return (
                  <Table.Tr key={token.id} data-testid={`token-row-${token.id}`}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" title={token.scopes.join(', ')}>
                        {token.scopes.map((s) => t(scopeKey(s))).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {token.expiresAt ? format.dateTime(token.expiresAt) : t('tokens.never')}
                    </Table.Td>
                    <Table.Td data-testid="token-last-used">
                      {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="dot"
                        miw="max-content"
                        color={state === 'active' ? 'green' : 'gray'}
                      >
                        {t(`tokens.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {!token.revokedAt && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setConfirming(token)}
                          aria-label={t('tokens.revokeLabel', { name: token.name })}
                          data-testid="token-revoke"
                        >
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {account.active ? (
        <NewTokenForm accountId={account.id} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('tokens.inactiveAccount')}
        </Text>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('tokens.revoke')}
      >
        <Stack>
          <Text>{t('tokens.revokeConfirm', { name: confirming?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => confirming && doRevoke(confirming)}
              data-testid="token-revoke-confirm"
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
