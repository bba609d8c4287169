import { createHash } from 'node:crypto';
import type { Locale } from '@relaydesk/contracts';

/**
 * The rating page: plain HTML that works without JavaScript, in the requester's language. It is
 * served outside the SPAs, so it carries its own small stylesheet and a strict CSP that allows
 * exactly that stylesheet (by hash) and a form posting back to the same address.
 */

interface Texts {
  title: (n: number) => string;
  question: string;
  scale: [string, string, string, string, string];
  comment: string;
  submit: string;
  thanks: string;
  already: string;
  expired: string;
  invalid: string;
  badInput: string;
  failed: string;
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    title: (n) => `Rate the resolution of ticket #${n}`,
    question: 'How satisfied are you with how your request was handled?',
    scale: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    comment: 'Comment (optional)',
    submit: 'Send rating',
    thanks: 'Thank you! Your rating has been recorded.',
    already: 'A rating has already been recorded with this link. Thank you!',
    expired: 'This link has expired.',
    invalid: 'This link is not valid.',
    badInput: 'Choose a rating from 1 to 5.',
    failed: 'Something went wrong; please try again later.',
  },
  ru: {
    title: (n) => `Оцените решение заявки №${n}`,
    question: 'Насколько вы довольны тем, как была решена ваша заявка?',
    scale: ['Очень недоволен', 'Недоволен', 'Нейтрально', 'Доволен', 'Очень доволен'],
    comment: 'Комментарий (необязательно)',
    submit: 'Отправить оценку',
    thanks: 'Спасибо! Ваша оценка сохранена.',
    already: 'По этой ссылке оценка уже получена. Спасибо!',
    expired: 'Срок действия ссылки истёк.',
    invalid: 'Ссылка недействительна.',
    badInput: 'Выберите оценку от 1 до 5.',
    failed: 'Что-то пошло не так; попробуйте позже.',
  },
  cs: {
    title: (n) => `Ohodnoťte vyřešení požadavku č. ${n}`,
    question: 'Jak jste spokojeni s vyřízením vašeho požadavku?',
    scale: ['Velmi nespokojen', 'Nespokojen', 'Neutrální', 'Spokojen', 'Velmi spokojen'],
    comment: 'Komentář (nepovinný)',
    submit: 'Odeslat hodnocení',
    thanks: 'Děkujeme! Vaše hodnocení bylo zaznamenáno.',
    already: 'Prostřednictvím tohoto odkazu již bylo hodnocení zaznamenáno. Děkujeme!',
    expired: 'Platnost tohoto odkazu vypršela.',
    invalid: 'Tento odkaz je neplatný.',
    badInput: 'Vyberte hodnocení od 1 do 5.',
    failed: 'Něco se pokazilo; zkuste to prosím později.',
  },
};

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1b1e;background:#f8f9fa}',
  'main{max-width:34rem;margin:2rem auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.5rem}',
  'h1{font-size:1.25rem;margin:0 0 .25rem}',
  '.subject{color:#495057;margin:0 0 1rem}',
  'fieldset{border:0;padding:0;margin:0 0 1rem}',
  'legend{font-weight:600;margin-bottom:.5rem}',
  '.scale label{display:block;padding:.4rem .5rem;border:1px solid #ced4da;border-radius:6px;margin:.3rem 0;cursor:pointer}',
  '.scale input{margin-right:.5rem}',
  'label[for=comment]{display:block;font-weight:600;margin-bottom:.25rem}',
  'textarea{width:100%;box-sizing:border-box;min-height:6rem;font:inherit;padding:.5rem}',
  'button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1864ab;color:#fff;cursor:pointer}',
  '.error{color:#c92a2a;font-weight:600}',
].join('');

/** Sent as the page's Content-Security-Policy: nothing but this stylesheet and the form. */
export const RATING_PAGE_CSP = [
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

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
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

export interface RatingFormView {
  locale: Locale;
  ticketNumber: number;
  subject: string;
  /** Shown above the form after a submit it could not take. */
  error?: 'badInput';
  rating?: number;
  comment?: string;
}

export function ratingFormPage(v: RatingFormView): string {
  const t = TEXTS[v.locale];
  const title = t.title(v.ticketNumber);
  // Highest first: the scale reads from "very satisfied" down, as most surveys do.
  const options = [5, 4, 3, 2, 1]
    .map(
      (n) =>
        `<label><input type="radio" name="rating" value="${n}" required${
          v.rating === n ? ' checked' : ''
        }>${n} — ${escapeHtml(t.scale[n - 1])}</label>`,
    )
    .join('\n');
  return page(
    v.locale,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="subject">${escapeHtml(v.subject)}</p>
${v.error ? `<p class="error" role="alert">${escapeHtml(t[v.error])}</p>` : ''}
<form method="post">
<fieldset class="scale">
<legend>${escapeHtml(t.question)}</legend>
${options}
</fieldset>
<label for="comment">${escapeHtml(t.comment)}</label>
<textarea id="comment" name="comment" maxlength="5000">${escapeHtml(v.comment ?? '')}</textarea>
<button type="submit">${escapeHtml(t.submit)}</button>
</form>`,
  );
}

export type RatingMessage = 'thanks' | 'already' | 'expired' | 'invalid' | 'failed';

/** A page with one sentence: the outcome, or why the link does not work. */
export function ratingMessagePage(locale: Locale, message: RatingMessage, ticketNumber?: number) {
  const t = TEXTS[locale];
  const title = ticketNumber ? t.title(ticketNumber) : t[message];
  return page(
    locale,
    title,
    `${ticketNumber ? `<h1>${escapeHtml(title)}</h1>\n` : ''}<p${
      message === 'thanks' || message === 'already' ? '' : ' class="error"'
    }>${escapeHtml(t[message])}</p>`,
  );
}
