import { useRef, useState } from 'react';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import type { CustomFieldValue, CustomFieldValues } from '@relaydesk/contracts';
import { useFieldErrors, ProblemMessage, useErrorText } from '@relaydesk/web-ui';
import {
  CustomFieldsForm,
  fromLocalDateTime,
  isEmptyValue,
  type CustomFieldDefinition,
} from '@relaydesk/web-ui/custom-fields';
import { useTransition } from '@relaydesk/web-tickets';
import type { Ticket, TransitionOption } from '../api';
import { useUpdateTicket } from '../hooks';

/** Problem fields this form shows at an input; any other error is said under the form. */
const AT_INPUTS = /^(comment|postponeUntil|customFields\.|custom:)/;

interface Props {
  ticket: Ticket;
  option: TransitionOption;
  /** What the button said: the form's confirm button says it again. */
  label: string;
  /** The transition's missing fields the client can fill here (client-editable custom fields). */
  fields: CustomFieldDefinition[];
  onClose: () => void;
}

/**
 * The requester's move along the workflow, with what it asks for: a comment (required or not), a
 * date for a postponing status, and the custom fields it requires that are still empty. Those
 * fields are saved first (PATCH), then the transition is sent with the version that answered, so
 * the API checks both; its 422 is shown at each field.
 */
export function RequesterTransitionForm({ ticket, option, label, fields, onClose }: Props) {
  const { t } = useTranslation('requesterActions');
  const fieldErrorsOf = useFieldErrors();
  const errorText = useErrorText();
  const update = useUpdateTicket(ticket.id);
  const transition = useTransition(ticket.id, { refreshOnError: true });
  const [comment, setComment] = useState('');
  const [postpone, setPostpone] = useState('');
  const [values, setValues] = useState<CustomFieldValues>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One move per click: a double click would send the same (by then stale) version twice.
  const inFlight = useRef(false);

  const errors = { ...fieldErrorsOf(error), ...local };
  const elsewhere =
    error != null && !Object.keys(fieldErrorsOf(error)).some((f) => AT_INPUTS.test(f));

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (option.commentRequired && comment.trim() === '') problems.comment = t('commentMissing');
    if (option.requiresPostpone && !fromLocalDateTime(postpone)) {
      problems.postponeUntil = t('postponeMissing');
    }
    for (const field of fields) {
      if (field.kind !== 'checkbox' && isEmptyValue(values[field.key])) {
        problems[`customFields.${field.key}`] = t('fieldMissing');
      }
    }
    return problems;
  };

  const submit = async () => {
    if (inFlight.current) return;
    const problems = validate();
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      let version = ticket.version;
      const customFields = Object.fromEntries(
        fields.map((f) => [f.key, f.kind === 'checkbox' ? values[f.key] === true : values[f.key]]),
      );
      if (fields.length > 0) {
        version = (await update.mutateAsync({ version, customFields })).version;
      }
      const text = comment.trim();
      await transition.mutateAsync({
        to: option.to,
        version,
        ...(text ? { comment: text } : {}),
        ...(option.requiresPostpone ? { postponeUntil: fromLocalDateTime(postpone)! } : {}),
      });
      notifications.show({ color: 'green', message: t('done', { action: label }) });
      onClose();
    } catch (e) {
      // A conflict (changed meanwhile, or the move is no longer open): the refreshed page shows
      // what happened, and this form, for a move that may be gone, closes.
      if (e instanceof ApiError && e.status === 409) {
        notifications.show({ color: 'red', autoClose: 10_000, message: errorText(e) });
        onClose();
      } else {
        setError(e);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid={`portal-transition-form-${option.to}`}
    >
      <Stack gap="sm">
        {fields.length > 0 && (
          <CustomFieldsForm
            fields={fields.map((f) => ({ ...f, required: true }))}
            values={values}
            onChange={(key: string, value: CustomFieldValue) => {
              setLocal(({ [`customFields.${key}`]: _, ...rest }) => rest);
              setValues((v) => ({ ...v, [key]: value }));
            }}
            errors={errors}
            disabled={busy}
            testIdPrefix="portal-transition-field"
          />
        )}
        {option.requiresPostpone && (
          <TextInput
            type="datetime-local"
            label={t('postponeUntil')}
            required
            value={postpone}
            onChange={(e) => {
              setPostpone(e.currentTarget.value);
              setLocal(({ postponeUntil: _, ...rest }) => rest);
            }}
            error={errors.postponeUntil}
            data-testid="portal-transition-postpone"
          />
        )}
        <Textarea
          label={option.commentRequired ? t('comment') : t('commentOptional')}
          required={option.commentRequired}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={100000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setLocal(({ comment: _, ...rest }) => rest);
          }}
          error={errors.comment}
          data-testid="portal-transition-comment"
        />
        {elsewhere && <ProblemMessage error={error} />}
        <Group gap="sm">
          <Button type="submit" loading={busy} data-testid="portal-transition-confirm">
            {label}
          </Button>
          <Button variant="subtle" disabled={busy} onClick={onClose}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
