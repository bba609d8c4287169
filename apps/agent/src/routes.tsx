import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { ConfirmEmailPage } from '@relaydesk/web-auth/account';
import { AppLayout } from './modules/layout/app-layout';
import TicketListPage from './modules/tickets/pages/ticket-list-page';

// Heavy or rarely used screens load on demand to keep the first load small.
const TicketDetailPage = lazy(() => import('./modules/tickets/pages/ticket-detail-page'));
const NewTicketPage = lazy(() => import('./modules/tickets/pages/new-ticket-page'));
const CalendarPage = lazy(() => import('./modules/calendar/pages/calendar-page'));
const AdminPage = lazy(() => import('./modules/admin/pages/admin-page'));
const ProfilePage = lazy(() => import('./modules/profile/pages/profile-page'));
const SatisfactionPage = lazy(() => import('./modules/reports/pages/satisfaction-page'));
const SupportLevelsPage = lazy(() => import('./modules/reports/pages/support-levels-page'));
const KbDeflectionsPage = lazy(() => import('./modules/reports/pages/kb-deflections-page'));
const CannedResponsesPage = lazy(
  () => import('./modules/canned-responses/pages/canned-responses-page'),
);
const KbBrowserPage = lazy(() => import('./modules/knowledge-base/pages/kb-browser-page'));
const KbArticlePage = lazy(() => import('./modules/knowledge-base/pages/kb-article-page'));
const KbEditorPage = lazy(() => import('./modules/knowledge-base/pages/kb-editor-page'));
const KbHistoryPage = lazy(() => import('./modules/knowledge-base/pages/kb-history-page'));
const KbSectionsPage = lazy(() => import('./modules/knowledge-base/kb-sections-page'));
const KbReviewQueuePage = lazy(() => import('./modules/knowledge-base/kb-review-queue-page'));
const KbAdminSettingsPage = lazy(() => import('./modules/knowledge-base/kb-admin-settings-page'));
const RegistersPage = lazy(() => import('./modules/registers/registers-page'));
const WorkReportPage = lazy(() => import('./modules/work-log/pages/work-report-page'));
const BillingItemsPage = lazy(() => import('./modules/work-log/pages/billing-items-page'));
const MailQuarantinePage = lazy(
  () => import('./modules/mail-quarantine/pages/mail-quarantine-page'),
);

const lazyPage = (page: ReactNode) => (
  <Suspense
    fallback={
      <Center p="xl">
        <Loader role="status" aria-label="Loading" />
      </Center>
    }
  >
    {page}
  </Suspense>
);

export const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/tickets?view=mine" replace /> },
        { path: 'tickets', element: <TicketListPage /> },
        { path: 'tickets/new', element: lazyPage(<NewTicketPage />) },
        { path: 'tickets/:number', element: lazyPage(<TicketDetailPage />) },
        { path: 'calendar', element: lazyPage(<CalendarPage />) },
        { path: 'admin/*', element: lazyPage(<AdminPage />) },
        { path: 'registers/*', element: lazyPage(<RegistersPage />) },
        { path: 'profile', element: lazyPage(<ProfilePage />) },
        {
          path: 'confirm-email',
          element: lazyPage(<ConfirmEmailPage profileHref="/agent/profile" />),
        },
        { path: 'reports/satisfaction', element: lazyPage(<SatisfactionPage />) },
        { path: 'reports/support-levels', element: lazyPage(<SupportLevelsPage />) },
        { path: 'reports/kb-deflections', element: lazyPage(<KbDeflectionsPage />) },
        { path: 'mail-quarantine', element: lazyPage(<MailQuarantinePage />) },
        { path: 'work-report', element: lazyPage(<WorkReportPage />) },
        { path: 'billing-items', element: lazyPage(<BillingItemsPage />) },
        { path: 'canned-responses', element: lazyPage(<CannedResponsesPage />) },
        { path: 'kb', element: lazyPage(<KbBrowserPage />) },
        { path: 'kb/articles/new', element: lazyPage(<KbEditorPage />) },
        { path: 'kb/articles/:id', element: lazyPage(<KbArticlePage />) },
        { path: 'kb/articles/:id/edit', element: lazyPage(<KbEditorPage />) },
        { path: 'kb/articles/:id/history', element: lazyPage(<KbHistoryPage />) },
        { path: 'kb/sections', element: lazyPage(<KbSectionsPage />) },
        { path: 'kb/review-queue', element: lazyPage(<KbReviewQueuePage />) },
        { path: 'kb/settings', element: lazyPage(<KbAdminSettingsPage />) },
        { path: '*', element: <Navigate to="/tickets" replace /> },
      ],
    },
  ],
  { basename: '/agent' },
);
