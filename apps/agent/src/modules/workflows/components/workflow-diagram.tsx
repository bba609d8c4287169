import { useId } from 'react';
import { Box, List, Text } from '@mantine/core';
import type { StatusCategory } from '@relaydesk/contracts';
import { useTranslation } from 'react-i18next';
import {
  BOX_H,
  BOX_W,
  layoutDiagram,
  type DiagramEdge,
  type DiagramStatus,
} from './diagram-layout';

const COLORS: Record<StatusCategory, string> = {
  new: 'blue',
  open: 'indigo',
  pending: 'yellow',
  resolved: 'green',
  closed: 'gray',
  canceled: 'red',
  informational: 'cyan',
};

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

interface WorkflowDiagramProps {
  /** What the workflow is called, for the image's accessible name. */
  title: string;
  statuses: DiagramStatus[];
  edges: DiagramEdge[];
}

/**
 * A workflow drawn as boxes (statuses, in columns by category) and arrows (transitions; dashed
 * and labelled for automatic ones). Screen readers get a name for the image and the same
 * content as a list.
 */
export function WorkflowDiagram({ title, statuses, edges }: WorkflowDiagramProps) {
  const { t } = useTranslation('workflows');
  const markerBase = `wf${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const layout = layoutDiagram(statuses, edges);
  const { viewBox: vb } = layout;
  const labelOf = new Map(statuses.map((s) => [s.key, s.label]));
  const name = (key: string) => labelOf.get(key) ?? key;
  const manual = layout.edges.filter((e) => !e.auto);
  const auto = layout.edges.filter((e) => e.auto);

  return (
    <Box data-testid="workflow-diagram">
      {/* Drawn at its own size: scaled down to the page, the names would be unreadable. */}
      <Box
        role="region"
        aria-label={t('diagram.region', { name: title })}
        tabIndex={0}
        style={{ overflowX: 'auto' }}
      >
        <svg
          role="img"
          aria-label={t('diagram.label', {
            name: title,
            statuses: statuses.length,
            transitions: manual.length,
            auto: auto.length,
          })}
          viewBox={`${vb.x} ${vb.y} ${vb.width} ${vb.height}`}
          width={vb.width}
          height={vb.height}
          style={{ display: 'block', fontFamily: 'inherit' }}
        >
          <defs>
            <marker
              id={`${markerBase}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-7)" />
            </marker>
            <marker
              id={`${markerBase}-auto`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-grape-8)" />
            </marker>
          </defs>

          {layout.columns.map((c) => (
            <text
              key={c.category}
              x={c.x + BOX_W / 2}
              y={vb.y < 0 ? 14 : 16}
              textAnchor="middle"
              fontSize="12"
              fontWeight={700}
              fill="var(--mantine-color-gray-7)"
            >
              {t(`common:statusCategory.${c.category}`)}
            </text>
          ))}

          {layout.edges.map((e, i) => (
            <path
              key={`${e.from}>${e.to}>${e.auto ?? ''}>${i}`}
              d={e.d}
              fill="none"
              stroke={e.auto ? 'var(--mantine-color-grape-8)' : 'var(--mantine-color-gray-7)'}
              strokeWidth={1.5}
              strokeDasharray={e.auto ? '6 4' : undefined}
              markerEnd={`url(#${markerBase}-${e.auto ? 'auto' : 'arrow'})`}
              data-testid={`diagram-edge-${e.from}-${e.to}`}
              data-auto={e.auto ? 'true' : 'false'}
            />
          ))}

          {layout.boxes.map((b) => {
            const color = COLORS[b.category];
            const x = b.x - BOX_W / 2;
            const y = b.y - BOX_H / 2;
            return (
              <g key={b.key} data-testid={`diagram-status-${b.key}`}>
                <title>{`${b.label} (${b.key})`}</title>
                {b.isInitial && (
                  <>
                    <circle cx={x - 16} cy={b.y} r={5} fill="var(--mantine-color-dark-6)" />
                    <line
                      x1={x - 11}
                      y1={b.y}
                      x2={x - 2}
                      y2={b.y}
                      stroke="var(--mantine-color-dark-6)"
                      strokeWidth={1.5}
                    />
                  </>
                )}
                <rect
                  x={x}
                  y={y}
                  width={BOX_W}
                  height={BOX_H}
                  rx={8}
                  fill={`var(--mantine-color-${color}-0)`}
                  stroke={`var(--mantine-color-${color}-7)`}
                  strokeWidth={b.isInitial ? 2.5 : 1.5}
                />
                {b.isFinal && (
                  <rect
                    x={x + 3}
                    y={y + 3}
                    width={BOX_W - 6}
                    height={BOX_H - 6}
                    rx={6}
                    fill="none"
                    stroke={`var(--mantine-color-${color}-7)`}
                    strokeWidth={1}
                  />
                )}
                <text
                  x={b.x}
                  y={b.y - 3}
                  textAnchor="middle"
                  fontSize="13"
                  fontWeight={600}
                  fill="var(--mantine-color-dark-9)"
                >
                  {shorten(b.label, 20)}
                </text>
                <text
                  x={b.x}
                  y={b.y + 13}
                  textAnchor="middle"
                  fontSize="10"
                  fill="var(--mantine-color-gray-7)"
                >
                  {shorten(b.key, 24)}
                </text>
              </g>
            );
          })}

          {auto.map((e, i) => (
            <text
              key={`label-${e.from}-${e.to}-${i}`}
              x={e.labelAt.x}
              y={e.labelAt.y + 4}
              textAnchor="middle"
              fontSize="11"
              fill="var(--mantine-color-grape-9)"
              stroke="var(--mantine-color-white)"
              strokeWidth={4}
              paintOrder="stroke"
            >
              {e.auto}
            </text>
          ))}
        </svg>
      </Box>

      <details style={{ marginTop: 8 }}>
        <summary>
          <Text span size="sm">
            {t('diagram.asText')}
          </Text>
        </summary>
        <List size="sm" mt={4} data-testid="workflow-diagram-list">
          {statuses.map((s) => {
            const out = layout.edges.filter((e) => e.from === s.key);
            return (
              <List.Item key={s.key}>
                <strong>{s.label}</strong> ({t(`common:statusCategory.${s.category}`)}
                {s.isInitial ? `, ${t('diagram.initial')}` : ''}
                {s.isFinal ? `, ${t('diagram.final')}` : ''}){out.length > 0 ? ': ' : ''}
                {out
                  .map((e) =>
                    e.auto
                      ? t('diagram.autoTo', { to: name(e.to), trigger: e.auto })
                      : t('diagram.to', { to: name(e.to) }),
                  )
                  .join('; ')}
              </List.Item>
            );
          })}
        </List>
      </details>
    </Box>
  );
}
