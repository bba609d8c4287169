import { Fragment } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbSection } from '@relaydesk/web-kb';

/** Tall enough to tap on a phone. */
const STEP = {
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: 40,
  overflowWrap: 'anywhere',
} as const;

/**
 * KB home / section / subsection: every step a link, wrapping on a narrow screen. Its own
 * markup rather than Mantine's Breadcrumbs, which sets the steps' style itself.
 */
export function KbBreadcrumbs({ trail, query }: { trail: KbSection[]; query: string }) {
  const { t } = useTranslation('kb');
  const suffix = query ? `?${query}` : '';
  const steps = [
    { key: 'home', to: `/kb${suffix}`, label: t('title') },
    ...trail.map((s) => ({ key: s.id, to: `/kb/sections/${s.id}${suffix}`, label: s.name })),
  ];
  return (
    <Group component="nav" aria-label={t('title')} gap={6} wrap="wrap" data-testid="kb-breadcrumbs">
      {steps.map((step, i) => (
        <Fragment key={step.key}>
          {i > 0 && (
            <Text span c="dimmed" size="sm" aria-hidden>
              /
            </Text>
          )}
          <Anchor component={Link} to={step.to} size="sm" style={STEP}>
            {step.label}
          </Anchor>
        </Fragment>
      ))}
    </Group>
  );
}
