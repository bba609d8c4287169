import { lazy, Suspense, useEffect } from 'react';
import { Box, Group, SegmentedControl, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BY_SUBJECT_STATES } from '@relaydesk/contracts';
import { useAuth } from '@relaydesk/web-auth';
import { useMe } from '../../../directory/hooks';
import { mayViewByAnyone } from '../../queue-access';
import type { ListState, ParamPatch } from './list-params';

// Loaded on demand with the filters (the selects are not needed for the first screen).
const UserSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.UserSelect })),
);
const DepartmentSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.DepartmentSelect })),
);
const TreeUserSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.TreeUserSelect })),
);
const TreeDepartmentSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.TreeDepartmentSelect })),
);
const fallback = <Skeleton height={58} />;

/**
 * The departments a department head may pick from (theirs and below), or null for those who may
 * list anyone; undefined until /me has answered.
 */
function useTreeRoots(): string[] | null | undefined {
  const { user } = useAuth();
  const me = useMe();
  if (user && mayViewByAnyone(user)) return null;
  return me.data?.headOfDepartmentIds;
}

/**
 * "By user" and "By department" list nothing until someone (or a department) is picked; a
 * department head starts on their own department. Open tickets by default (PayDox), closed or
 * all by the switch.
 */
export function SubjectPicker({
  state,
  update,
  knownUserName,
}: {
  state: ListState;
  update: (patch: ParamPatch) => void;
  knownUserName?: string;
}) {
  const { t } = useTranslation(['ticketList', 'queueSubjects']);
  const roots = useTreeRoots();
  const firstRoot = roots?.[0];
  const preselect = state.view === 'by_department' && !state.departmentId && !!firstRoot;
  useEffect(() => {
    if (preselect) update({ departmentId: firstRoot });
  }, [preselect, firstRoot, update]);

  if (state.view !== 'by_user' && state.view !== 'by_department') return null;
  const tree = roots && roots.length > 0 ? roots : null;
  const select =
    state.view === 'by_user' ? (
      tree ? (
        <TreeUserSelect
          roots={tree}
          label={t('byUser.label')}
          placeholder={t('queueSubjects:treeHint')}
          value={state.userId}
          onChange={(v) => update({ userId: v })}
          knownLabel={knownUserName}
          testId="by-user-picker"
        />
      ) : (
        <UserSelect
          label={t('byUser.label')}
          placeholder={t('byUser.placeholder')}
          value={state.userId}
          onChange={(v) => update({ userId: v })}
          knownLabel={knownUserName}
          testId="by-user-picker"
        />
      )
    ) : tree ? (
      <TreeDepartmentSelect
        roots={tree}
        label={t('byDepartment.label')}
        placeholder={t('queueSubjects:treeHint')}
        value={state.departmentId}
        onChange={(v) => update({ departmentId: v })}
        testId="by-department-picker"
      />
    ) : (
      <DepartmentSelect
        label={t('byDepartment.label')}
        placeholder={t('byDepartment.placeholder')}
        value={state.departmentId}
        onChange={(v) => update({ departmentId: v })}
        testId="by-department-picker"
      />
    );

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Box maw={420} style={{ flex: '1 1 280px' }}>
        <Suspense fallback={fallback}>{select}</Suspense>
      </Box>
      <Box>
        <Text size="sm" fw={500} mb={4}>
          {t('queueSubjects:state.label')}
        </Text>
        <SegmentedControl
          data-testid="subject-state"
          value={state.subjectState}
          onChange={(v) => update({ state: v === 'open' ? null : v })}
          data={BY_SUBJECT_STATES.map((s) => ({ value: s, label: t(`queueSubjects:state.${s}`) }))}
        />
      </Box>
    </Group>
  );
}
