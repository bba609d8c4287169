import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProblemMessage } from '@relaydesk/web-ui';
import { WorkflowEditor } from '../components/workflow-editor';
import { useWorkflow } from '../hooks';

/** /admin/workflows/new and /admin/workflows/:id: the editor with the workflow as last read. */
export function WorkflowEditorPage() {
  const { t } = useTranslation('common');
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const query = useWorkflow(isNew ? undefined : id);
  if (isNew) return <WorkflowEditor onReload={async () => undefined} />;
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader role="status" aria-label={t('loading')} />
      </Center>
    );
  }
  if (!query.data) {
    return (
      <Stack align="flex-start">
        <ProblemMessage error={query.error} />
        <Button variant="default" onClick={() => void query.refetch()}>
          {t('reload')}
        </Button>
      </Stack>
    );
  }
  // A new version (saved here, or reloaded after a conflict) starts a fresh draft.
  return (
    <WorkflowEditor
      key={`${query.data.id}:${query.data.version}`}
      workflow={query.data}
      onReload={() => query.refetch()}
    />
  );
}
