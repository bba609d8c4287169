import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/requester-actions';

export default {
  title: 'Co dál?',
  text: 'Svůj požadavek můžete posunout sami.',
  pendingText:
    'Podpora čeká na vás: doplňte požadavek (v komentáři napište, co chybělo) a odešlete jej znovu, nebo jej uzavřete, pokud už jej nepotřebujete.',
  resubmit: 'Odeslat znovu',
  reopen: 'Znovu otevřít',
  close: 'Uzavřít požadavek',
  moveTo: 'Přesunout do „{{status}}“',
  comment: 'Komentář',
  commentOptional: 'Komentář (nepovinný)',
  commentMissing: 'Napište ke kroku komentář',
  postponeUntil: 'Do',
  postponeMissing: 'Zvolte datum a čas v budoucnosti',
  fieldMissing: 'Pro tento krok toto pole vyplňte',
  cancel: 'Zrušit',
  done: 'Hotovo: {{action}}.',
} satisfies Translation<typeof en>;
