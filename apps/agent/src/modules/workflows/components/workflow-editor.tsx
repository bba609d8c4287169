import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '@relaydesk/api-client';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { queryKeys } from '../../../query-keys';
import { isVersionConflict } from '../../../shared/forms/form-problem';
import { useAdminTicketTypes } from '../../ticket-types/hooks';
import type { Workflow } from '../api';
import {
  draftOf,
  emptyDraft,
  localErrors,
  removedKeys,
  toDefinition,
  type WorkflowDraft,
} from '../editor-model';
import { NAME_LANGS } from '../../../shared/forms/names-inputs';
import { useCreateWorkflow, useReplaceWorkflow } from '../hooks';
import { AutoTransitionsTable } from './auto-transitions-table';
import { StatusMappingModal, type RemovedStatus } from './status-mapping-modal';
import { InformationalOption } from './informational-option';
import { StatusesTable } from './statuses-table';
import { TransitionsTable } from './transitions-table';
import { useDiagramOf } from './use-diagram-of';
import { WorkflowDiagram } from './workflow-diagram';

const MAPPING_FIELD = /^statusMapping\.(.+)$/;

/** The removed statuses a 422 names, when that is all it complains about. */
function mappingProblem(error: unknown): { key: string; message: string }[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const errors = error.problem.errors ?? [];
  if (errors.length === 0 || !errors.every((e) => MAPPING_FIELD.test(e.field))) return null;
  return errors.map((e) => ({ key: MAPPING_FIELD.exec(e.field)![1], message: e.message }));
}

interface WorkflowEditorProps {
  /** The workflow as last read; none to create a new one. */
  workflow?: Workflow;
  onReload: () => Promise<unknown>;
}

/**
 * The whole definition of one workflow as a draft: statuses, transitions and automatic
 * transitions in tables, the diagram of the draft above them, and one Save that sends it all.
 */
export function WorkflowEditor({ workflow, onReload }: WorkflowEditorProps) {
  const { t } = useTranslation(['workflows', 'admin', 'common']);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<WorkflowDraft>(() =>
    workflow ? draftOf(workflow) : emptyDraft(),
  );
  const initial = useMemo(
    () => JSON.stringify(toDefinition(workflow ? draftOf(workflow) : emptyDraft())),
    [workflow],
  );
  const dirty = JSON.stringify(toDefinition(draft)) !== initial;
  const [local, setLocal] = useState<Record<string, string>>({});
  const [mapping, setMapping] = useState<RemovedStatus[] | null>(null);
  const [reloading, setReloading] = useState(false);
  const create = useCreateWorkflow();
  const replace = useReplaceWorkflow();
  const mutation = workflow ? replace : create;
  const conflict = isVersionConflict(mutation.error);
  const types = useAdminTicketTypes();
  const diagram = useDiagramOf(toDefinition(draft));

  const customFields = (types.data ?? [])
    .filter((type) => workflow && type.workflowId === workflow.id)
    .flatMap((type) =>
      type.fields.map((f) => ({
        value: `custom:${f.key}`,
        label: `${f.name.en} (${type.name.en})`,
      })),
    );

  // Request validation names array items `statuses.2.key`, the workflow rules `statuses[2].key`.
  const server = mappingProblem(mutation.error)
    ? {}
    : Object.fromEntries(
        Object.entries(fieldErrors(mutation.error)).map(([path, message]) => [
          path.replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
          message,
        ]),
      );
  const localMessages: Record<string, string> = Object.fromEntries(
    Object.entries(local).map(([path, code]) => [
      path,
      code === 'required' ? t('admin:validation.required') : t(`errors.${code}`),
    ]),
  );
  const errors = { ...server, ...localMessages };
  const update = (fn: (d: WorkflowDraft) => WorkflowDraft) => {
    setDraft(fn);
  };

  const notifySaved = () =>
    notifications.show({
      color: 'green',
      message: t('editor.saved'),
    });

  const save = (statusMapping?: Record<string, string>) => {
    const found = localErrors(draft);
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    const body = toDefinition(draft);
    if (!workflow) {
      create.mutate(body, {
        onSuccess: (created) => {
          notifySaved();
          void navigate(`/admin/workflows/${created.id}`, { replace: true });
        },
      });
      return;
    }
    replace.mutate(
      {
        id: workflow.id,
        body: { ...body, version: workflow.version, ...(statusMapping ? { statusMapping } : {}) },
      },
      {
        onSuccess: (saved) => {
          setMapping(null);
          notifySaved();
          client.setQueryData(queryKeys.workflowAdmin.detail(saved.id), saved);
        },
        onError: (error) => {
          const removed = mappingProblem(error);
          if (!removed) return setMapping(null);
          const before = new Map(workflow.statuses.map((s) => [s.key, s]));
          setMapping(
            removed.map(({ key, message }) => {
              const old = before.get(key);
              const same = draft.statuses.find((s) => s.category === old?.category);
              return {
                key,
                label: old?.name.en ?? key,
                message,
                suggestion: same?.key.trim(),
              };
            }),
          );
        },
      },
    );
  };

  const reload = () => {
    setReloading(true);
    void onReload().finally(() => setReloading(false));
  };

  const removedNow = workflow ? removedKeys(workflow, draft) : [];
  const listed = Object.entries(errors);

  return (
    <Stack gap="md" data-testid="workflow-editor">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Anchor component={Link} to="/admin/workflows" size="sm">
            {t('editor.back')}
          </Anchor>
          <Title order={3}>
            {workflow ? t('editor.title', { name: workflow.name.en }) : t('editor.newTitle')}
          </Title>
        </Stack>
        <Group gap="xs">
          {dirty && (
            <Badge color="orange" variant="light" data-testid="workflow-dirty">
              {t('editor.unsaved')}
            </Badge>
          )}
          <Button onClick={() => save()} loading={mutation.isPending} data-testid="workflow-save">
            {t('common:save')}
          </Button>
        </Group>
      </Group>

      {conflict && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t('admin:conflict.title')}
          data-testid="workflow-conflict"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('editor.conflict')}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={reload}
              loading={reloading}
              data-testid="workflow-reload"
            >
              {t('common:reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!conflict && listed.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="workflow-errors">
          <Text size="sm">{t('admin:validation.checkFields')}</Text>
          <List size="sm">
            {listed.map(([path, message]) => (
              <List.Item key={path}>
                <code>{path}</code>: {message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!conflict && listed.length === 0 && !mappingProblem(mutation.error) && (
        <ProblemMessage error={mutation.error} />
      )}
      {removedNow.length > 0 && (
        <Text size="sm" c="orange.9" data-testid="workflow-removed-note">
          {t('editor.removedNote', { keys: removedNow.join(', ') })}
        </Text>
      )}

      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t('editor.key')}
            description={workflow ? t('editor.keyFixed') : t('editor.keyHint')}
            value={draft.key}
            disabled={!!workflow}
            withAsterisk={!workflow}
            onChange={(e) => {
              const key = e.currentTarget.value;
              update((d) => ({ ...d, key }));
            }}
            error={errors.key}
            data-testid="workflow-key"
          />
          {NAME_LANGS.map((lang) => (
            <TextInput
              key={lang}
              label={t(`editor.name_${lang}`)}
              withAsterisk={lang === 'en'}
              value={draft.name[lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                update((d) => ({ ...d, name: { ...d.name, [lang]: value } }));
              }}
              error={errors[`name.${lang}`]}
              data-testid={`workflow-name-${lang}`}
            />
          ))}
        </SimpleGrid>
      </Card>

      <Card withBorder padding="md">
        <Title order={4} mb="xs">
          {t('editor.diagram')}
        </Title>
        <WorkflowDiagram
          title={draft.name.en || draft.key}
          statuses={diagram.statuses}
          edges={diagram.edges}
        />
      </Card>

      <Stack gap={4}>
        <Title order={4}>{t('editor.statuses')}</Title>
        {errors.statuses && (
          <Text size="sm" c="red.8" role="alert">
            {errors.statuses}
          </Text>
        )}
        <InformationalOption draft={draft} onChange={update} />
        <StatusesTable draft={draft} onChange={update} errors={errors} />
      </Stack>
      <Stack gap={4}>
        <Title order={4}>{t('editor.transitions')}</Title>
        <TransitionsTable
          draft={draft}
          onChange={update}
          errors={errors}
          customFields={customFields}
        />
      </Stack>
      <Stack gap={4}>
        <Title order={4}>{t('editor.autoTransitions')}</Title>
        <Text size="sm" c="dimmed">
          {t('editor.autoHint')}
        </Text>
        <AutoTransitionsTable draft={draft} onChange={update} errors={errors} />
      </Stack>

      <Group justify="flex-end">
        <Button onClick={() => save()} loading={mutation.isPending}>
          {t('common:save')}
        </Button>
      </Group>

      {mapping && (
        <StatusMappingModal
          removed={mapping}
          kept={draft.statuses.map((s) => ({
            value: s.key.trim(),
            label: `${s.name.en || s.key} (${s.key})`,
          }))}
          saving={replace.isPending}
          onSubmit={(m) => save(m)}
          onCancel={() => setMapping(null)}
        />
      )}
    </Stack>
  );
}
