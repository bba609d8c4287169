import { useTranslation } from 'react-i18next';
import { useStaff } from '../../directory/hooks';

/**
 * Staff users to pick (department head, group lead and members): the active ones, plus the
 * already chosen ones even if they were deactivated since, so the form still shows them.
 */
export function useStaffOptions(chosen: readonly string[]) {
  const { t } = useTranslation('admin');
  const { staff } = useStaff();
  return staff
    .filter((u) => u.active || chosen.includes(u.id))
    .map((u) => ({
      value: u.id,
      label: u.active ? u.name : `${u.name} (${t('status.users.inactive').toLocaleLowerCase()})`,
    }));
}
