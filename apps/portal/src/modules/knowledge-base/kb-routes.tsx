import { Navigate, Route, Routes } from 'react-router';
import type { KbReader } from '@relaydesk/web-kb';
import { KbReaderProvider } from './kb-reader';
import KbArticlePage from './pages/kb-article-page';
import KbHomePage from './pages/kb-home-page';
import KbSearchPage from './pages/kb-search-page';
import KbSectionPage from './pages/kb-section-page';

/**
 * The KB's pages under /kb, the same for a signed-in client and an anonymous reader of the
 * public KB; `reader` picks the endpoints. One chunk, loaded when a KB page is first opened.
 */
export default function KbRoutes({ reader }: { reader: KbReader }) {
  return (
    <KbReaderProvider reader={reader}>
      <Routes>
        <Route index element={<KbHomePage />} />
        <Route path="sections/:id" element={<KbSectionPage />} />
        <Route path="articles/:id" element={<KbArticlePage />} />
        <Route path="search" element={<KbSearchPage />} />
        <Route path="*" element={<Navigate to="/kb" replace />} />
      </Routes>
    </KbReaderProvider>
  );
}
