import { lazy, Suspense } from 'react';
import { Box, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListState, ParamPatch } from './list-params';

// Loaded on demand with the filters (the selects are not needed for the first screen).
const UserSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.UserSelect })),
);
const DepartmentSelect = lazy(() =>
  import('./directory-selects').then((m) => ({ default: m.DepartmentSelect })),
);
const fallback = <Skeleton height={58} />;

/** "By user" and "By department" list nothing until someone (or a department) is picked. */
export function SubjectPicker({
  state,
  update,
  knownUserName,
}: {
  state: ListState;
  update: (patch: ParamPatch) => void;
  knownUserName?: string;
}) {
  const { t } = useTranslation('ticketList');
  if (state.view === 'by_user') {
    return (
      <Box maw={420}>
        <Suspense fallback={fallback}>
          <UserSelect
            label={t('byUser.label')}
            placeholder={t('byUser.placeholder')}
            value={state.userId}
            onChange={(v) => update({ userId: v })}
            knownLabel={knownUserName}
            testId="by-user-picker"
          />
        </Suspense>
      </Box>
    );
  }
  if (state.view === 'by_department') {
    return (
      <Box maw={420}>
        <Suspense fallback={fallback}>
          <DepartmentSelect
            label={t('byDepartment.label')}
            placeholder={t('byDepartment.placeholder')}
            value={state.departmentId}
            onChange={(v) => update({ departmentId: v })}
            testId="by-department-picker"
          />
        </Suspense>
      </Box>
    );
  }
  return null;
}
