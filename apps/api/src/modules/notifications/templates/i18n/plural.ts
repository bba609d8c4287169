/**
 * The forms of a counted word. Each language fills the categories Intl.PluralRules gives it:
 * English one/other, Russian one/few/many/other, Czech one/few/many/other.
 */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** Widens the literal so languages with more forms than English still satisfy English's type. */
export function plural(forms: PluralForms): PluralForms {
  return forms;
}

const rules = new Map<string, Intl.PluralRules>();

/** "3 hours", "3 часа", "3 hodiny": the number in the locale's digits and the matching form. */
export function countOf(locale: string, n: number, forms: PluralForms): string {
  let pr = rules.get(locale);
  if (!pr) {
    pr = new Intl.PluralRules(locale);
    rules.set(locale, pr);
  }
  const word = forms[pr.select(n)] ?? forms.other;
  return `${new Intl.NumberFormat(locale).format(n)} ${word}`;
}
