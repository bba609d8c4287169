import '@relaydesk/web-ui/app-styles';
import { useEffect, useState } from 'react';
import { Container, Group } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '@relaydesk/web-ui';
import { LOCALES } from '@relaydesk/contracts';
import { useFrameHeight } from './components/frame-height';
import WebFormConfirmPage from './pages/web-form-confirm-page';
import WebFormPage from './pages/web-form-page';

let langApplied = false;

/**
 * The public web form, apart from the signed-in portal: another site may frame it, and a visitor
 * has no account. `?lang=cs` picks the language (the embedding site knows its own).
 */
export default function WebFormApp() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }),
  );
  useFrameHeight();
  useEffect(() => {
    // Once per page load: switching the language suspends this tree, which may mount it again,
    // and the address must not switch it back.
    if (langApplied) return;
    langApplied = true;
    const lang = new URLSearchParams(window.location.search).get('lang');
    if (lang && (LOCALES as readonly string[]).includes(lang) && lang !== i18n.language) {
      void i18n.changeLanguage(lang);
    }
  }, [i18n]);
  const confirm = window.location.pathname.replace(/\/+$/, '') === '/form/confirm';
  return (
    <QueryClientProvider client={queryClient}>
      <Container size="sm" py="md">
        <Group justify="flex-end" mb="xs">
          <LanguageSelect />
        </Group>
        <main>{confirm ? <WebFormConfirmPage /> : <WebFormPage />}</main>
      </Container>
    </QueryClientProvider>
  );
}
