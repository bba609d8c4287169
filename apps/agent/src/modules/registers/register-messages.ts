import { useTranslation } from 'react-i18next';
import { messageKey, REGISTER_MESSAGES } from '@relaydesk/contracts';
import { fieldErrors, useFieldErrors } from '@relaydesk/web-ui';
import type { FieldMessage } from '../../shared/forms/form-problem';

/**
 * The registers' sentences for their API field messages (for useRecordForm and FormShell), in
 * every language (English too: the API's sentences name its fields).
 */
export function useRegisterMessages(): FieldMessage {
  const { t } = useTranslation('registers');
  return (_field, message) => {
    const found = messageKey(message, REGISTER_MESSAGES);
    return found && t(found.key, found.params);
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
