import { createHash } from 'node:crypto';
import type { Locale, NotificationKind } from '@relaydesk/contracts';

/**
 * The page behind a mail's unsubscribe link: plain HTML without JavaScript in the user's
 * language, with a button that POSTs back. Opening it changes nothing, because link scanners
 * and mail previews follow GET links; the strict CSP allows its own stylesheet and that form.
 */

interface Texts {
  title: string;
  kinds: Record<NotificationKind, string>;
  confirm: (kind: string) => string;
  note: string;
  button: string;
  done: (kind: string) => string;
  invalid: string;
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    title: 'Unsubscribe',
    kinds: {
      ticket_acknowledged: 'Confirmation of a new request',
      ticket_new: 'New tickets',
      ticket_assigned: 'Tickets assigned to you',
      ticket_unassigned: 'Tickets no longer yours',
      ticket_escalated: 'Escalated tickets',
      comment_public: 'Replies',
      comment_internal: 'Internal notes',
      status_changed: 'Status changes',
      ticket_reopened: 'Reopened tickets',
      sla_reminder: 'SLA reminders',
      sla_breached: 'SLA breaches',
      sla_escalated: 'SLA breaches escalated to you',
      deputyship_started: 'Deputyship started',
      deputyship_ended: 'Deputyship ended',
      work_allowance_reached: 'Contract allowance reached',
    },
    confirm: (k) => `Stop e-mails about “${k}”?`,
    note: 'Other notifications and other channels stay as they are; you can turn these e-mails back on in your profile.',
    button: 'Unsubscribe',
    done: (k) => `You will no longer get e-mails about “${k}”.`,
    invalid: 'This link is not valid.',
  },
  ru: {
    title: 'Отписка',
    kinds: {
      ticket_acknowledged: 'Подтверждение новой заявки',
      ticket_new: 'Новые заявки',
      ticket_assigned: 'Назначенные вам заявки',
      ticket_unassigned: 'Заявки, снятые с вас',
      ticket_escalated: 'Эскалированные заявки',
      comment_public: 'Ответы',
      comment_internal: 'Внутренние заметки',
      status_changed: 'Изменения статуса',
      ticket_reopened: 'Переоткрытые заявки',
      sla_reminder: 'Напоминания SLA',
      sla_breached: 'Нарушения SLA',
      sla_escalated: 'Нарушения SLA, эскалированные вам',
      deputyship_started: 'Начало замещения',
      deputyship_ended: 'Окончание замещения',
      work_allowance_reached: 'Лимит часов договора',
    },
    confirm: (k) => `Больше не присылать письма «${k}»?`,
    note: 'Остальные уведомления и каналы не изменятся; включить эти письма снова можно в профиле.',
    button: 'Отписаться',
    done: (k) => `Письма «${k}» больше не будут приходить.`,
    invalid: 'Ссылка недействительна.',
  },
  cs: {
    title: 'Odhlášení',
    kinds: {
      ticket_acknowledged: 'Potvrzení nového požadavku',
      ticket_new: 'Nové požadavky',
      ticket_assigned: 'Požadavky přidělené vám',
      ticket_unassigned: 'Požadavky, které už nejsou vaše',
      ticket_escalated: 'Eskalované požadavky',
      comment_public: 'Odpovědi',
      comment_internal: 'Interní poznámky',
      status_changed: 'Změny stavu',
      ticket_reopened: 'Znovu otevřené požadavky',
      sla_reminder: 'Připomínky SLA',
      sla_breached: 'Porušení SLA',
      sla_escalated: 'Porušení SLA eskalovaná na vás',
      deputyship_started: 'Začátek zastupování',
      deputyship_ended: 'Konec zastupování',
      work_allowance_reached: 'Limit hodin smlouvy',
    },
    confirm: (k) => `Přestat posílat e-maily „${k}“?`,
    note: 'Ostatní oznámení a kanály zůstanou beze změny; tyto e-maily můžete znovu zapnout v profilu.',
    button: 'Odhlásit',
    done: (k) => `E-maily „${k}“ vám už nebudeme posílat.`,
    invalid: 'Tento odkaz je neplatný.',
  },
};

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1b1e;background:#f8f9fa}',
  'main{max-width:34rem;margin:2rem auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.5rem}',
  'h1{font-size:1.25rem;margin:0 0 1rem}',
  '.note{color:#495057}',
  'button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1864ab;color:#fff;cursor:pointer}',
].join('');

/** Sent as the page's Content-Security-Policy: nothing but this stylesheet and the form. */
export const UNSUBSCRIBE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(TEXTS[locale].title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The question and the button; the form posts what RFC 8058 mail clients post. */
export function unsubscribeFormPage(locale: Locale, kind: NotificationKind): string {
  const t = TEXTS[locale];
  return page(
    locale,
    `<h1>${escapeHtml(t.confirm(t.kinds[kind]))}</h1>
<p class="note">${escapeHtml(t.note)}</p>
<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(t.button)}</button>
</form>`,
  );
}

export function unsubscribedPage(locale: Locale, kind: NotificationKind): string {
  const t = TEXTS[locale];
  return page(locale, `<h1>${escapeHtml(t.done(t.kinds[kind]))}</h1>`);
}

export function invalidLinkPage(locale: Locale): string {
  return page(locale, `<h1>${escapeHtml(TEXTS[locale].invalid)}</h1>`);
}
