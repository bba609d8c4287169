import { useTranslation } from 'react-i18next';
import { fieldErrors, useFieldErrors } from '@relaydesk/web-ui';
import type { FieldMessage } from '../../shared/forms/form-problem';

/**
 * The registers' own API field messages (apps/api/src/modules/contracts), recognised by their
 * wording, said in the user's language (English too: the API's sentences name its fields).
 */
const MESSAGES: readonly [RegExp, string, ((m: RegExpMatchArray) => Record<string, number>)?][] = [
  [/must not be before validFrom/, 'errors.validTo'],
  [/already used by another contract/, 'errors.numberTaken'],
  [/set both or neither/, 'errors.allowanceTogether'],
  [/belongs to another organization/, 'errors.otherOrganization'],
  [/is not a (?:contact|contract|service object) of (?:this|the)/, 'errors.otherOrganization'],
  [/is this item or one of its components/, 'errors.parentCycle'],
  [/deeper than (\d+) levels/, 'errors.tooDeep', (m) => ({ max: +m[1] })],
  [/is not at the ticket.s service object/, 'errors.notAtObject'],
  [/is not in force/, 'errors.notInForce'],
  [/is listed twice/, 'errors.listedTwice'],
  [/is used by another field of this type/, 'errors.keyTaken'],
  [/cannot change \(the field is/, 'errors.kindFixed'],
];

/** The registers' sentences for their API field messages (for useRecordForm and FormShell). */
export function useRegisterMessages(): FieldMessage {
  const { t } = useTranslation('registers');
  return (_field, message) => {
    for (const [pattern, key, params] of MESSAGES) {
      const m = message.match(pattern);
      if (m) return t(key, params?.(m));
    }
    return undefined;
  };
}

/**
 * Field errors of a failed register write outside an administration form (the ticket's links,
 * the requesters list): the registers' sentences, else the app-wide translation.
 */
export function useRegisterFieldErrors() {
  const own = useRegisterMessages();
  const translated = useFieldErrors();
  return (error: unknown): Record<string, string> => {
    const texts = translated(error);
    return Object.fromEntries(
      Object.entries(fieldErrors(error)).map(([field, message]) => [
        field,
        own(field, message) ?? texts[field] ?? message,
      ]),
    );
  };
}
