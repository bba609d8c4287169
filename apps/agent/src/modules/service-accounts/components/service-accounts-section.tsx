import { useState } from 'react';
import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemMessage, useErrorText } from '@relaydesk/web-ui';
import { useGroups } from '../../directory/hooks';
import type { ServiceAccount } from '../api';
import { useSaveServiceAccount, useServiceAccounts } from '../hooks';
import { AccountTokens } from './account-tokens';
import { ServiceAccountForm } from './service-account-form';

type Editing = { account?: ServiceAccount } | null;

/** Administration > Service accounts: the accounts, and the tokens of the one opened. */
export function ServiceAccountsSection() {
  const { t } = useTranslation(['serviceAccountsAdmin', 'common']);
  const errorText = useErrorText();
  const accounts = useServiceAccounts({ limit: 200 });
  const groups = useGroups({ limit: 200 });
  const groupNames = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));
  const save = useSaveServiceAccount();
  const [editing, setEditing] = useState<Editing>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ServiceAccount | null>(null);

  const items = accounts.data?.items ?? [];
  const open = items.find((a) => a.id === openId) ?? null;

  const setActive = (account: ServiceAccount, active: boolean) =>
    save.mutate(
      { id: account.id, body: { active, version: account.version } },
      {
        onSuccess: () => setConfirming(null),
        onError: (error) => {
          setConfirming(null);
          notifications.show({ color: 'red', message: errorText(error) });
        },
      },
    );

  return (
    <Stack gap="md" data-testid="service-accounts">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{t('title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('hint')}
          </Text>
        </div>
        <Button onClick={() => setEditing({})} data-testid="service-account-create">
          {t('create')}
        </Button>
      </Group>
      {accounts.error && <ProblemMessage error={accounts.error} />}
      {accounts.isPending && (
        <Center p="xl">
          <Loader role="status" aria-label={t('common:loading')} />
        </Center>
      )}
      {accounts.data && items.length === 0 && <Text py="lg">{t('empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.name')}</Table.Th>
                <Table.Th>{t('columns.role')}</Table.Th>
                <Table.Th>{t('columns.groups')}</Table.Th>
                <Table.Th>{t('columns.tokens')}</Table.Th>
                <Table.Th>{t('columns.status')}</Table.Th>
                <Table.Th>{t('columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr
                  key={a.id}
                  data-testid={`service-account-row-${a.id}`}
                  aria-selected={a.id === openId}
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {a.name}
                    </Text>
                    {a.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {a.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`common:role.${a.role}`)}</Table.Td>
                  <Table.Td>
                    {a.groupIds.map((id) => groupNames.get(id) ?? id).join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>{a.activeTokens}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" miw="max-content" color={a.active ? 'green' : 'gray'}>
                      {t(a.active ? 'status.active' : 'status.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant={a.id === openId ? 'light' : 'default'}
                        onClick={() => setOpenId(a.id === openId ? null : a.id)}
                        data-testid="service-account-tokens"
                      >
                        {t('actions.tokens')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing({ account: a })}
                      >
                        {t('actions.edit')}
                      </Button>
                      {a.active ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setConfirming(a)}
                          data-testid="service-account-deactivate"
                        >
                          {t('actions.deactivate')}
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setActive(a, true)}
                          data-testid="service-account-activate"
                        >
                          {t('actions.activate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <AccountTokens key={open.id} account={open} />}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.account ? t('edit') : t('create')}
        size="lg"
      >
        {editing && (
          <ServiceAccountForm
            account={editing.account}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: t('saved') });
            }}
          />
        )}
      </Modal>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('actions.deactivate')}
      >
        <Stack>
          <Text>{t('deactivateConfirm', { name: confirming?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={save.isPending}
              onClick={() => confirming && setActive(confirming, false)}
              data-testid="service-account-deactivate-confirm"
            >
              {t('actions.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
