import { Navigate, Route, Routes } from 'react-router';
import ContractsPage from './pages/contracts-page';
import EquipmentListPage from './pages/equipment-list-page';
import EquipmentPage from './pages/equipment-page';
import ServiceObjectPage from './pages/service-object-page';
import ServiceObjectsPage from './pages/service-objects-page';

export type RegisterRoot = 'equipment' | 'sites' | 'contracts';

/**
 * The client's registers (issue 18), read only: /equipment, /sites and /contracts. One chunk,
 * loaded when one of them is first opened; `root` says which path it is mounted under.
 */
export default function RegistersRoutes({ root }: { root: RegisterRoot }) {
  const home = `/${root}`;
  if (root === 'contracts') return <ContractsPage />;
  return (
    <Routes>
      <Route
        index
        element={root === 'equipment' ? <EquipmentListPage /> : <ServiceObjectsPage />}
      />
      <Route
        path=":id"
        element={root === 'equipment' ? <EquipmentPage /> : <ServiceObjectPage />}
      />
      <Route path="*" element={<Navigate to={home} replace />} />
    </Routes>
  );
}
