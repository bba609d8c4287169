import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/workflow-informational';

export default {
  about:
    'Informativní stav (PayDox): požadavky uchované pro záznam. Nikdy nejsou po termínu, nejsou otevřenou prací (nejsou v pracovních frontách ani jejich počtech) a jejich SLA hodiny stojí; „Všechny požadavky“ a filtr podle stavu je zobrazí.',
  add: 'Přidat stav „Informativní“',
} satisfies Translation<typeof en>;
