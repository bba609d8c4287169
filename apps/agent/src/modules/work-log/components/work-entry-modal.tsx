import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WORK_ENTRY_KINDS, type WorkEntryKind } from '@relaydesk/contracts';
import { fieldErrors, ProblemMessage, useUploadFiles } from '@relaydesk/web-ui';
import type { WorkEntry, WorkEntryInput } from '../api';
import { useUploadWorkEntryFile } from '../entry-files';
import { useBillingItems, useSaveWorkEntry } from '../hooks';
import { hoursMinutes, parseDuration } from '../work-format';

/** What the form opens with: an entry to edit, or a span the timer measured. */
export interface WorkEntryDraft {
  entry?: WorkEntry;
  startedAt?: string;
  endedAt?: string;
  durationSeconds?: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Log work on a ticket, or change an entry (at the version read: a stale one is refused). */
export function WorkEntryModal({
  ticketId,
  draft,
  defaultKind,
  onClose,
}: {
  ticketId: string;
  draft: WorkEntryDraft;
  defaultKind: WorkEntryKind;
  onClose: () => void;
}) {
  const { t } = useTranslation(['workLog', 'recordFiles']);
  const items = useBillingItems(true);
  const save = useSaveWorkEntry(ticketId);
  const upload = useUploadWorkEntryFile(ticketId);
  const uploadFiles = useUploadFiles((name) => t('recordFiles:uploadFailed', { name }));
  const [files, setFiles] = useState<File[]>([]);
  const errors = fieldErrors(save.error);
  const e = draft.entry;
  const [workDate, setWorkDate] = useState(e?.workDate ?? draft.startedAt?.slice(0, 10) ?? today());
  // The form shows minutes: a span left as shown keeps its exact seconds, start and end.
  const [shownDuration] = useState(() =>
    hoursMinutes(e?.durationSeconds ?? draft.durationSeconds ?? 0),
  );
  const [duration, setDuration] = useState(shownDuration);
  const [billed, setBilled] = useState(e ? hoursMinutes(e.billedSeconds) : '');
  const [itemId, setItemId] = useState<string | null>(e?.billingItem?.id ?? null);
  const [quantityDone, setQuantityDone] = useState<number | string>(e?.quantityDone ?? '');
  const [quantityBilled, setQuantityBilled] = useState<number | string>(e?.quantityBilled ?? '');
  const [kind, setKind] = useState<WorkEntryKind>(e?.kind ?? defaultKind);
  const [description, setDescription] = useState(e?.description ?? '');
  const [badDuration, setBadDuration] = useState<string | null>(null);

  /** The entry is written; its files follow one by one (a refused one says so, the rest go on). */
  const afterSave = async (entryId: string) => {
    notifications.show({ message: t('form.saved'), color: 'green' });
    await uploadFiles(files, (file) => upload.mutateAsync({ entryId, file }));
    onClose();
  };

  const submit = () => {
    const seconds = parseDuration(duration);
    const billedSeconds = billed.trim() ? parseDuration(billed) : undefined;
    if (seconds === null || billedSeconds === null) {
      setBadDuration(seconds === null ? 'duration' : 'billed');
      return;
    }
    setBadDuration(null);
    // A span the timer measured keeps its start and end as long as the time was not changed; a
    // changed time of an entry no longer matches its recorded start and end.
    const unchanged = duration === shownDuration;
    const time: Partial<WorkEntryInput> = e
      ? unchanged
        ? {}
        : { durationSeconds: seconds, startedAt: null, endedAt: null }
      : draft.startedAt && draft.endedAt && unchanged
        ? { startedAt: draft.startedAt, endedAt: draft.endedAt }
        : { durationSeconds: seconds };
    const fields: WorkEntryInput = {
      workDate,
      ...time,
      ...(billedSeconds !== undefined ? { billedSeconds } : {}),
      billingItemId: itemId,
      ...(quantityDone !== '' ? { quantityDone: Number(quantityDone) } : {}),
      ...(quantityBilled !== '' ? { quantityBilled: Number(quantityBilled) } : {}),
      kind,
      description,
    };
    save.mutate(
      e ? { id: e.id, update: { ...fields, version: e.version ?? 1 } } : { create: fields },
      {
        onSuccess: (saved) => void afterSave(saved.id),
      },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:close') }}
      opened
      onClose={onClose}
      title={e ? t('form.editTitle') : t('form.createTitle')}
      size="lg"
    >
      <Stack data-testid="work-entry-form">
        {save.error && !Object.keys(errors).length ? <ProblemMessage error={save.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('form.date')}
            value={workDate}
            onChange={(ev) => setWorkDate(ev.currentTarget.value)}
            error={errors.workDate}
            required
            data-testid="work-date"
          />
          <TextInput
            label={t('form.duration')}
            description={t('form.durationHint')}
            value={duration}
            onChange={(ev) => setDuration(ev.currentTarget.value)}
            error={badDuration === 'duration' ? t('form.badDuration') : errors.durationSeconds}
            required
            data-testid="work-duration"
          />
          <TextInput
            label={t('form.billed')}
            description={t('form.durationHint')}
            value={billed}
            onChange={(ev) => setBilled(ev.currentTarget.value)}
            error={badDuration === 'billed' ? t('form.badDuration') : errors.billedSeconds}
            data-testid="work-billed"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('form.activity')}
            placeholder={t('form.noActivity')}
            clearable
            searchable
            data={(items.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name} (${i.unit})`,
            }))}
            value={itemId}
            onChange={setItemId}
            error={errors.billingItemId}
            data-testid="work-activity"
          />
          <Select
            label={t('form.kind')}
            data={WORK_ENTRY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as WorkEntryKind)}
            allowDeselect={false}
            data-testid="work-kind"
          />
          <NumberInput
            label={t('form.quantityDone')}
            description={t('form.quantityHint')}
            value={quantityDone}
            onChange={setQuantityDone}
            min={0}
            decimalScale={2}
            error={errors.quantityDone}
          />
          <NumberInput
            label={t('form.quantityBilled')}
            value={quantityBilled}
            onChange={setQuantityBilled}
            min={0}
            decimalScale={2}
            error={errors.quantityBilled}
          />
        </SimpleGrid>
        <Textarea
          label={t('form.description')}
          value={description}
          onChange={(ev) => setDescription(ev.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
          data-testid="work-description"
        />
        <FileInput
          multiple
          clearable
          clearButtonProps={{ 'aria-label': t('recordFiles:work.clearFiles') }}
          label={t('recordFiles:work.filesLabel')}
          placeholder={t('recordFiles:work.filesPlaceholder')}
          value={files}
          onChange={setFiles}
          data-testid="work-entry-files-input"
        />
        {kind === 'internal' && billed.trim() && parseDuration(billed) ? (
          <Alert color="yellow">{t('form.billedHint')}</Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={save.isPending || upload.isPending}
            data-testid="work-save"
          >
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
