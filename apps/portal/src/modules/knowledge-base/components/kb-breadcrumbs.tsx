import { Anchor, Breadcrumbs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbSection } from '@relaydesk/web-kb';

/** KB home › section › subsection: every step a link, wrapping on a narrow screen. */
export function KbBreadcrumbs({ trail, query }: { trail: KbSection[]; query: string }) {
  const { t } = useTranslation('kb');
  const suffix = query ? `?${query}` : '';
  return (
    <Breadcrumbs
      separatorMargin={4}
      styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}
      data-testid="kb-breadcrumbs"
    >
      <Anchor component={Link} to={`/kb${suffix}`} size="sm">
        {t('title')}
      </Anchor>
      {trail.map((s) => (
        <Anchor
          key={s.id}
          component={Link}
          to={`/kb/sections/${s.id}${suffix}`}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {s.name}
        </Anchor>
      ))}
    </Breadcrumbs>
  );
}
