import { Badge, NavLink, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useKbSections } from '@relaydesk/web-kb';
import { sectionTree } from '../kb-section-tree';

/** The section tree of the browser; choosing a section filters the list. */
export function KbBrowserTree({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation('kb');
  const sections = useKbSections();
  if (sections.isLoading) return <Skeleton h={120} />;
  const nodes = sectionTree(sections.data ?? []);
  return (
    <Stack gap={2} component="nav" aria-label={t('sections')} data-testid="kb-tree">
      <NavLink
        label={t('allSections')}
        active={selected === null}
        onClick={() => onSelect(null)}
        aria-current={selected === null ? 'true' : undefined}
        data-testid="kb-tree-all"
      />
      {nodes.map(({ section, depth }) => (
        <NavLink
          key={section.id}
          label={section.name}
          pl={12 + depth * 16}
          active={selected === section.id}
          aria-current={selected === section.id ? 'true' : undefined}
          onClick={() => onSelect(section.id)}
          data-testid="kb-tree-section"
          rightSection={
            section.audience !== 'clients' ? (
              <Badge
                size="xs"
                variant="outline"
                color={section.audience === 'staff' ? 'grape.9' : 'blue.9'}
              >
                {t(`audience.${section.audience}`)}
              </Badge>
            ) : null
          }
        />
      ))}
      {nodes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('noSections')}
        </Text>
      )}
    </Stack>
  );
}
