import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, type MantineColor } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useSingleFlight } from './use-single-flight';

/**
 * A write to the open ticket from a dialog (assign, hand over, escalate): sent with the version
 * the dialog was opened on (or the reloaded one after a conflict reload), one at a time, and a
 * version conflict closes the dialog for the page's conflict banner to explain.
 */
export function useTicketAction<TBody extends { version: number }, TResult>(
  ticket: Ticket,
  mutation: UseMutationResult<TResult, unknown, TBody>,
  onClose: () => void,
) {
  const concurrency = useTicketConcurrency();
  const [opened] = useState({ version: ticket.version, epoch: concurrency.epoch });
  const once = useSingleFlight();
  return (body: Omit<TBody, 'version'>, onDone?: (result: TResult) => void) =>
    once((release) =>
      mutation.mutate(
        {
          ...body,
          version: opened.epoch === concurrency.epoch ? opened.version : ticket.version,
        } as TBody,
        {
          onSuccess: (result) => {
            concurrency.advance();
            onClose();
            onDone?.(result);
          },
          onError: (e) => {
            if (concurrency.report(e)) onClose();
          },
          onSettled: release,
        },
      ),
    );
}

/**
 * The frame of those dialogs: the fields, the API's answer when no field shows it (a version
 * conflict has the page's banner), Cancel and the action.
 */
export function TicketActionModal({
  title,
  testId,
  cancelLabel,
  closeLabel,
  submitLabel,
  submitTestId,
  submitColor,
  submitDisabled,
  pending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  cancelLabel: string;
  /** The name of the × button: without one, screen readers announce a nameless button. */
  closeLabel: string;
  submitLabel: string;
  submitTestId: string;
  submitColor?: MantineColor;
  submitDisabled?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const fieldsShowIt = Object.keys(fieldErrors(error)).length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': closeLabel }}
      data-testid={testId}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          {!isVersionConflict(error) && !fieldsShowIt && <ProblemMessage error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button
              type="submit"
              color={submitColor}
              loading={pending}
              disabled={submitDisabled}
              data-testid={submitTestId}
            >
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
