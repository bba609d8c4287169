import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { IMPORT_HEADER_MESSAGES, messageKey } from '@relaydesk/contracts';
import { useApi, useUser } from '@relaydesk/web-auth';
import { useErrorText, useFormat } from '@relaydesk/web-ui';
import {
  IMPORT_REGISTERS,
  registerImportApi,
  type ImportRegister,
  type RegisterImport,
} from './api';

const RUNNING = new Set(['queued', 'running']);

/** An upload's or import's refusal in the user's language: header problems name their columns. */
function useImportErrorText() {
  const { t } = useTranslation('registerImport');
  const errorText = useErrorText();
  return (error: unknown): string => {
    if (error instanceof ApiError && error.problem.status === 422 && error.problem.errors) {
      const lines = error.problem.errors.map((e) =>
        e.field === 'file'
          ? t('header.none')
          : t(messageKey(e.message, IMPORT_HEADER_MESSAGES)?.key ?? 'header.other', {
              column: e.field,
            }),
      );
      return [t('header.title'), ...lines].join(' ');
    }
    return errorText(error);
  };
}

/** Saves a blob under a name, as a download would. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ExportCard() {
  const { t } = useTranslation('registerImport');
  const api = useApi();
  const [register, setRegister] = useState<ImportRegister>('equipment');
  const [delimiter, setDelimiter] = useState<'comma' | 'semicolon'>('semicolon');
  const download = useMutation({
    mutationFn: () => registerImportApi.export(api, register, delimiter),
    onSuccess: (blob) => save(blob, `${register}.csv`),
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{t('exportTitle')}</Title>
        <Group align="end" wrap="wrap">
          <Select
            label={t('register')}
            data={IMPORT_REGISTERS.map((r) => ({ value: r, label: t(`registers.${r}`) }))}
            value={register}
            onChange={(v) => v && setRegister(v as ImportRegister)}
            allowDeselect={false}
            data-testid="export-register"
          />
          <SegmentedControl
            value={delimiter}
            onChange={(v) => setDelimiter(v as 'comma' | 'semicolon')}
            data={[
              { value: 'semicolon', label: t('semicolon') },
              { value: 'comma', label: t('comma') },
            ]}
            aria-label={t('separator')}
          />
          <Button
            onClick={() => download.mutate()}
            loading={download.isPending}
            data-testid="export-download"
          >
            {t('download')}
          </Button>
        </Group>
        {download.isError && <Alert color="red">{t('exportFailed')}</Alert>}
      </Stack>
    </Card>
  );
}

function JobResult({ job }: { job: RegisterImport }) {
  const { t } = useTranslation('registerImport');
  const format = useFormat();
  const running = RUNNING.has(job.state);
  const imported = job.mode === 'import';
  return (
    <Stack gap="sm" data-testid="import-result" data-state={job.state} data-mode={job.mode}>
      {running ? (
        <>
          <Text>{t(imported ? 'importing' : 'checking', { rows: job.rowsDone })}</Text>
          <Progress value={100} animated aria-label={t('progress')} />
        </>
      ) : job.state === 'expired' ? (
        <Alert color="gray" data-testid="dry-run-expired">
          {t('expired', { at: format.dateTime(job.expiresAt) })}
        </Alert>
      ) : job.state === 'failed' ? (
        <Alert color="red" data-testid="import-failed">
          {t('failed', { n: job.errorCount })}
        </Alert>
      ) : imported ? (
        <Alert color="green" data-testid="import-done">
          {t('imported', { created: job.createdCount, updated: job.updatedCount })}
        </Alert>
      ) : job.errorCount > 0 ? (
        <Alert color="orange" data-testid="dry-run-errors">
          {t('dryRunErrors', { rows: job.rowsDone, n: job.errorCount })}
        </Alert>
      ) : (
        <Alert color="blue" data-testid="dry-run-clean">
          {t('dryRunClean', {
            rows: job.rowsDone,
            created: job.createdCount,
            updated: job.updatedCount,
          })}
        </Alert>
      )}
      {!running && !imported && job.state !== 'expired' && job.errorCount === 0 && (
        <Text size="sm" c="dimmed" data-testid="dry-run-expires">
          {t('expiresAt', { at: format.dateTime(job.expiresAt) })}
        </Text>
      )}
      {job.errors.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('row')}</Table.Th>
                <Table.Th>{t('column')}</Table.Th>
                <Table.Th>{t('problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{t(`codes.${e.code}`, { defaultValue: e.message })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {job.errorCount > job.errors.length && (
        <Text size="sm" c="dimmed">
          {t('moreErrors', { n: job.errorCount - job.errors.length })}
        </Text>
      )}
    </Stack>
  );
}

function ImportCard() {
  const { t } = useTranslation('registerImport');
  const api = useApi();
  const [register, setRegister] = useState<ImportRegister>('equipment');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const errorText = useImportErrorText();
  const upload = useMutation({
    mutationFn: () => registerImportApi.upload(api, register, file as File),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['register-import', jobId],
    queryFn: () => registerImportApi.get(api, jobId as string),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.state) ? false : 1000),
  });
  const start = useMutation({
    mutationFn: () => registerImportApi.start(api, jobId as string),
    onSuccess: () => void job.refetch(),
  });
  const current = job.data;
  const mayImport =
    current?.mode === 'dry_run' && current.state === 'done' && current.errorCount === 0;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{t('importTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('importHint')}
        </Text>
        {register === 'equipment' && (
          <Text size="sm" c="dimmed">
            {t('fieldsHint')}
          </Text>
        )}
        <Group align="end" wrap="wrap">
          <Select
            label={t('register')}
            data={IMPORT_REGISTERS.map((r) => ({ value: r, label: t(`registers.${r}`) }))}
            value={register}
            onChange={(v) => {
              if (v) setRegister(v as ImportRegister);
              setJobId(null);
            }}
            allowDeselect={false}
            data-testid="import-register"
          />
          <FileInput
            label={t('file')}
            placeholder={t('chooseFile')}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              setJobId(null);
            }}
            miw={220}
            data-testid="import-file"
          />
          <Button
            onClick={() => upload.mutate()}
            disabled={!file}
            loading={upload.isPending}
            data-testid="import-check"
          >
            {t('check')}
          </Button>
        </Group>
        {upload.isError && (
          <Alert color="red" data-testid="import-upload-error">
            {errorText(upload.error)}
          </Alert>
        )}
        {current && <JobResult job={current} />}
        {mayImport && (
          <Group>
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              data-testid="import-start"
            >
              {t('import', { rows: current.rowsDone })}
            </Button>
          </Group>
        )}
        {start.isError && <Alert color="red">{errorText(start.error)}</Alert>}
      </Stack>
    </Card>
  );
}

/** /registers/import: CSV export of a register for staff, and its import for administrators. */
export function RegisterImportPage() {
  const { t } = useTranslation('registerImport');
  const user = useUser();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      <ExportCard />
      {user.role === 'admin' ? (
        <ImportCard />
      ) : (
        <Text c="dimmed" size="sm">
          {t('adminsOnly')}
        </Text>
      )}
    </Stack>
  );
}
