import { useTranslation } from 'react-i18next';
import { useTranslatedName } from '@relaydesk/web-ui';
import type { WorkflowDefinitionBody } from '../api';
import type { DiagramEdge, DiagramStatus } from './diagram-layout';

/** Statuses and arrows of a definition (saved or a draft), named in the UI language. */
export function useDiagramOf(
  def: Pick<WorkflowDefinitionBody, 'statuses' | 'transitions' | 'autoTransitions'>,
) {
  const { t } = useTranslation('workflows');
  const tn = useTranslatedName();
  const seen = new Set<string>();
  const statuses: DiagramStatus[] = def.statuses
    // A half-typed draft may have empty or repeated keys; draw each key once.
    .filter((s) => s.key && !seen.has(s.key) && !!seen.add(s.key))
    .map((s) => ({
      key: s.key,
      label: tn(s.name) || s.key,
      category: s.category,
      isInitial: !!s.isInitial,
      isFinal: !!s.isFinal,
    }));
  const edges: DiagramEdge[] = [
    ...def.transitions.map((tr) => ({ from: tr.from, to: tr.to })),
    ...def.autoTransitions.map((a) => ({
      from: a.status,
      to: a.to,
      auto:
        a.trigger === 'after_time'
          ? t('triggers.afterShort', {
              hours: Math.round(((a.afterSeconds ?? 0) / 3600) * 100) / 100,
            })
          : t(`triggers.${a.trigger}Short`),
    })),
  ];
  return { statuses, edges };
}
