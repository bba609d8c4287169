import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '@relaydesk/web-ui';
import { ConfirmEmailPage } from '@relaydesk/web-auth/account';
import { PortalLayout } from './modules/layout/portal-layout';

// Every page loads on demand: the first load is the shell and the sign-in form only.
const MyTicketsPage = lazy(() => import('./modules/tickets/pages/my-tickets-page'));
const NewTicketPage = lazy(() => import('./modules/tickets/pages/new-ticket-page'));
const TicketPage = lazy(() => import('./modules/tickets/pages/ticket-page'));
const ProfilePage = lazy(() => import('./modules/profile/pages/profile-page'));
const KbRoutes = lazy(() => import('./modules/knowledge-base/kb-routes'));
const RegistersRoutes = lazy(() => import('./modules/registers/registers-routes'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route element={<PortalLayout />}>
          <Route index element={<Navigate to="/tickets" replace />} />
          <Route path="tickets" element={<MyTicketsPage />} />
          <Route path="tickets/new" element={<NewTicketPage />} />
          <Route path="tickets/:number" element={<TicketPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="kb/*" element={<KbRoutes reader="signed-in" />} />
          <Route path="equipment/*" element={<RegistersRoutes root="equipment" />} />
          <Route path="sites/*" element={<RegistersRoutes root="sites" />} />
          <Route path="contracts" element={<RegistersRoutes root="contracts" />} />
          <Route path="confirm-email" element={<ConfirmEmailPage profileHref="/profile" />} />
          <Route path="*" element={<Navigate to="/tickets" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
