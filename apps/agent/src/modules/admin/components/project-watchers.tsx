import { ActionIcon, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '@relaydesk/web-ui';
import { useProjectWatchers, useReplaceProjectWatchers } from '../../projects/hooks';
import { UserPicker } from '../../tickets/components/pickers';

/**
 * A project's notification list (Pythagoras): staff and client contacts told about every ticket
 * of the project they can see. Each add or remove saves the whole list at once.
 */
export function ProjectWatchers({ projectId }: { projectId: string }) {
  const { t } = useTranslation('admin');
  const watchers = useProjectWatchers(projectId);
  const replace = useReplaceProjectWatchers(projectId);
  const items = watchers.data?.items ?? [];
  const ids = items.map((w) => w.id);
  const save = (next: string[]) => replace.mutate(next);

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="project-watchers">
      <Stack gap="xs" data-testid="project-watchers">
        <Title order={4} id="project-watchers">
          {t('projectWatchers.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('projectWatchers.hint')}
        </Text>
        {watchers.isError && <ProblemMessage error={watchers.error} />}
        {items.length === 0 && !watchers.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('projectWatchers.empty')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((w) => (
              <Group key={w.id} component="li" justify="space-between" wrap="nowrap">
                <Text size="sm" c={w.active ? undefined : 'dimmed'}>
                  {w.name} · {w.email}
                </Text>
                <Tooltip label={t('projectWatchers.remove', { name: w.name })} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={replace.isPending}
                    onClick={() => save(ids.filter((id) => id !== w.id))}
                    aria-label={t('projectWatchers.remove', { name: w.name })}
                    data-testid={`project-watcher-remove-${w.id}`}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        )}
        <UserPicker
          label={t('projectWatchers.add')}
          value={null}
          onChange={(id) => id && !ids.includes(id) && save([...ids, id])}
          scope="any"
          disabled={replace.isPending}
          data-testid="project-watcher-picker"
        />
        {replace.isError && <ProblemMessage error={replace.error} />}
      </Stack>
    </Paper>
  );
}
