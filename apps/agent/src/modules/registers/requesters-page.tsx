import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isVersionConflict, ProblemMessage } from '@relaydesk/web-ui';
import { OrganizationPicker, UserPicker } from '../tickets/components/pickers';
import type { AuthorizedRequesters } from './api';
import { useAuthorizedRequesters, useContracts, useSaveAuthorizedRequesters } from './hooks';
import { useMayManageRegisters } from './registers-shared';
import { useRegisterFieldErrors } from './register-messages';

interface Row {
  uid: string;
  userId: string | null;
  userName: string | null;
  contractId: string | null;
}

let counter = 0;
const rowsOf = (list: AuthorizedRequesters | undefined): Row[] =>
  (list?.requesters ?? []).map((r) => ({
    uid: `r${++counter}`,
    userId: r.userId,
    userName: r.userName,
    contractId: r.contractId,
  }));

/** One organization's list: who may file, for any request or under one contract. */
function RequestersEditor({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['registers', 'admin', 'common']);
  const manage = useMayManageRegisters();
  const list = useAuthorizedRequesters(organizationId);
  const contracts = useContracts({ organizationId, limit: 100 });
  const save = useSaveAuthorizedRequesters(organizationId);
  const [enabled, setEnabled] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [version, setVersion] = useState(0);
  // The input is reset only when another organization's list arrives, so a conflict's
  // reload brings the new version without losing what was entered.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  useEffect(() => {
    if (!list.data) return;
    setVersion(list.data.version);
    if (loadedFor === organizationId) return;
    setLoadedFor(organizationId);
    setEnabled(list.data.enabled);
    setRows(rowsOf(list.data));
  }, [list.data, organizationId, loadedFor]);
  const registerErrors = useRegisterFieldErrors();
  const errors = registerErrors(save.error);
  const contractOptions = [
    { value: '', label: t('requesters.anyContract') },
    ...(contracts.data?.items ?? []).map((c) => ({
      value: c.id,
      label: `${c.number} · ${c.title}`,
    })),
  ];
  const set = (uid: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
  const submit = () =>
    save.mutate(
      {
        version,
        enabled,
        requesters: rows
          .filter((r) => r.userId)
          .map((r) => ({ userId: r.userId!, contractId: r.contractId || null })),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }) },
    );

  return (
    <Stack gap="sm" data-testid="requesters-editor">
      <Switch
        label={t('requesters.enabled')}
        checked={enabled}
        disabled={!manage}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
        data-testid="requesters-enabled"
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requesters.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requesters.contact')}</Table.Th>
                <Table.Th>{t('requesters.contract')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.uid} data-testid="requester-row">
                  <Table.Td>
                    <UserPicker
                      aria-label={t('requesters.contact')}
                      scope="contacts"
                      organizationId={organizationId}
                      value={r.userId}
                      selectedName={r.userName}
                      disabled={!manage}
                      onChange={(id, user) =>
                        set(r.uid, { userId: id, userName: user?.name ?? null })
                      }
                      error={errors[`requesters[${i}].userId`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('requesters.contract')}
                      data={contractOptions}
                      allowDeselect={false}
                      disabled={!manage}
                      value={r.contractId ?? ''}
                      onChange={(v) => set(r.uid, { contractId: v || null })}
                      error={errors[`requesters[${i}].contractId`]}
                    />
                  </Table.Td>
                  <Table.Td w={48}>
                    {manage && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('requesters.remove', { name: r.userName ?? '' })}
                        onClick={() => setRows((all) => all.filter((x) => x.uid !== r.uid))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isVersionConflict(save.error) ? (
        <Alert color="orange" role="alert" title={t('admin:conflict.title')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('admin:conflict.form')}</Text>
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>
              {t('common:reload')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ProblemMessage error={Object.keys(errors).length ? null : save.error} />
      )}
      {manage && (
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setRows((all) => [
                ...all,
                { uid: `r${++counter}`, userId: null, userName: null, contractId: null },
              ])
            }
            data-testid="requester-add"
          >
            {t('requesters.add')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="requesters-save">
            {t('requesters.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Authorized requesters (CDESK), per organization. */
export function RequestersPage() {
  const { t } = useTranslation(['registers', 'common']);
  useDocumentTitle(`${t('requesters.title')} · ${t('common:appName')}`);
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organizationId');
  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        {t('requesters.hint')}
      </Text>
      <OrganizationPicker
        label={t('common.organization')}
        placeholder={t('requesters.pickOrganization')}
        value={organizationId}
        onChange={(id) => setParams(id ? { organizationId: id } : {})}
        maw={400}
        data-testid="requesters-organization"
      />
      {organizationId && <RequestersEditor key={organizationId} organizationId={organizationId} />}
    </Stack>
  );
}
