import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { preloadStrings } from '../../lazy-strings';
import { RegisterImportPage } from '../register-import/register-import-page';
import { ContractCardPage } from './contract-card-page';
import { ContractsPage } from './contracts-page';
import { EquipmentCardPage } from './equipment-card-page';
import { EquipmentPage } from './equipment-page';
import { EquipmentTypesPage } from './equipment-types-page';
import { RequestersPage } from './requesters-page';
import { ServiceObjectCardPage } from './service-object-card-page';
import { ServiceObjectsPage } from './service-objects-page';

preloadStrings(['registers', 'admin', 'registerImport']);

const TABS = [
  ['contracts', 'contracts'],
  ['objects', 'objects'],
  ['equipment', 'equipment'],
  ['equipment-types', 'types'],
  ['requesters', 'requesters'],
] as const;

/** /registers/*: issue 18's registers for staff; dispatchers and admins edit them. */
export default function RegistersPage() {
  const { t } = useTranslation('registers');
  const { t: tio } = useTranslation('registerImport');
  const location = useLocation();
  const current = location.pathname.split('/')[2] ?? '';
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Group gap="xs" component="nav" aria-label={t('title')}>
        {TABS.map(([path, key]) => (
          <Button
            key={path}
            component={Link}
            to={`/registers/${path}`}
            size="xs"
            variant={current === path ? 'filled' : 'default'}
            aria-current={current === path ? 'page' : undefined}
            data-testid={`registers-tab-${path}`}
          >
            {t(`nav.${key}`)}
          </Button>
        ))}
        <Button
          component={Link}
          to="/registers/import"
          size="xs"
          variant={current === 'import' ? 'filled' : 'default'}
          aria-current={current === 'import' ? 'page' : undefined}
          data-testid="registers-tab-import"
        >
          {tio('title')}
        </Button>
      </Group>
      <Routes>
        <Route index element={<Navigate to="contracts" replace />} />
        <Route path="contracts" element={<ContractsPage />} />
        <Route path="contracts/:id" element={<ContractCardPage />} />
        <Route path="objects" element={<ServiceObjectsPage />} />
        <Route path="objects/:id" element={<ServiceObjectCardPage />} />
        <Route path="equipment" element={<EquipmentPage />} />
        <Route path="equipment/:id" element={<EquipmentCardPage />} />
        <Route path="equipment-types" element={<EquipmentTypesPage />} />
        <Route path="requesters" element={<RequestersPage />} />
        <Route path="import" element={<RegisterImportPage />} />
        <Route path="*" element={<Navigate to="contracts" replace />} />
      </Routes>
    </Stack>
  );
}
