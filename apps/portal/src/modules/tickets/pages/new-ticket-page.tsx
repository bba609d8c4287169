import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Group,
  Grid,
  Input,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFieldErrors, ProblemMessage, useErrorText, useTranslatedName } from '@relaydesk/web-ui';
import {
  CustomFieldsForm,
  missingRequired,
  valuesForCreate,
  type CustomFieldDefinition,
} from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { Priority } from '../api';
import { ChosenFiles } from '../components/chosen-files';
import { FilingRefusedNotice, useMayFileRequests } from '../components/filing-refused-notice';
import { UploadZone } from '../components/upload-zone';
import { useIdempotencyKey } from '@relaydesk/web-tickets';
import { useUser } from '@relaydesk/web-auth';
import {
  clearDraft,
  loadDraft,
  loadDraftFiles,
  saveDraft,
  saveDraftFiles,
  type NewTicketDraft,
} from '../new-ticket-draft';
import { NewTicketSuggestions } from '../suggestions/new-ticket-suggestions';
import {
  TicketLinkPickers,
  type TicketLinks,
} from '../../registers/components/ticket-link-pickers';
import { useEquipmentItem } from '../../registers/hooks';
import {
  useCategories,
  useCreateTicket,
  useMyProjects,
  useTicketTypes,
  useUploadAttachment,
} from '../hooks';

const SUBJECT_MAX = 250;
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
const FORM_FIELDS = [
  'subject',
  'typeId',
  'priority',
  'description',
  'categoryId',
  'projectId',
  'serviceObjectId',
  'equipmentId',
];
/** A client fills the fields they may edit; the rest are for support to fill. */
const clientEditable = (field: CustomFieldDefinition) => field.clientEditable === true;

export default function NewTicketPage() {
  const { t } = useTranslation(['tickets', 'common']);
  const navigate = useNavigate();
  const name = useTranslatedName();
  const { t: tw } = useTranslation('ticketWork');
  const { t: tp } = useTranslation('ticketProgress');
  const user = useUser();
  // What was typed before a suggested article was opened comes back (sessionStorage, this tab).
  const [draft] = useState(() => loadDraft(user.id));
  const fieldErrorsOf = useFieldErrors();
  // Pythagoras: a customer who is a member of projects files against one of them.
  const projects = useMyProjects().data?.items ?? [];
  const [projectId, setProjectId] = useState(draft.projectId);
  // "Report a problem" on a device's or a site's card opens the form with it chosen (?equipment=,
  // ?object=); otherwise what the draft kept.
  const [params] = useSearchParams();
  const [presetEquipment] = useState(() => params.get('equipment') ?? '');
  const [links, setLinks] = useState<TicketLinks>(() => {
    const object = params.get('object');
    if (presetEquipment) return { serviceObjectId: '', equipmentId: presetEquipment };
    if (object) return { serviceObjectId: object, equipmentId: '' };
    return { serviceObjectId: draft.serviceObjectId, equipmentId: draft.equipmentId };
  });
  // The device's own site, once it is known, so the site picker shows where it is; a device
  // the client may not see (an edited link) is dropped rather than sent for a 422.
  const preset = useEquipmentItem(presetEquipment || undefined);
  const presetItem = preset.data;
  const presetMissing = preset.isError;
  useEffect(() => {
    if (presetMissing) {
      setLinks((l) => (l.equipmentId === presetEquipment ? { ...l, equipmentId: '' } : l));
      return;
    }
    if (!presetItem?.serviceObjectId) return;
    setLinks((l) =>
      l.equipmentId === presetItem.id && !l.serviceObjectId
        ? { ...l, serviceObjectId: presetItem.serviceObjectId ?? '' }
        : l,
    );
  }, [presetItem, presetMissing, presetEquipment]);
  const categories = useCategories();
  const errorText = useErrorText();
  const types = useTicketTypes();
  const create = useCreateTicket();
  const upload = useUploadAttachment();

  // One key per filled-in form: a double click or a retry after a lost answer files one ticket.
  const idempotencyKey = useIdempotencyKey();
  const [subject, setSubject] = useState(draft.subject);
  const [chosenTypeId, setChosenTypeId] = useState<string | null>(draft.typeId);
  const [chosenPriority, setChosenPriority] = useState<Priority | null>(draft.priority);
  const [description, setDescription] = useState(draft.description);
  const [categoryId, setCategoryId] = useState(draft.categoryId);
  const [custom, setCustom] = useState<CustomFieldValues>(draft.custom);
  const [customMissing, setCustomMissing] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>(() => loadDraftFiles(user.id));
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // A double click fires twice before the button turns busy; the key dedupes on the server,
  // this keeps the second click from even asking.
  const submitting = useRef(false);
  // Set once filed or cancelled: the unmount that follows must not store the draft again.
  const finished = useRef(false);
  const wide = useMediaQuery('(min-width: 62em)');
  const mayFile = useMayFileRequests();

  const current: NewTicketDraft = {
    subject,
    description,
    typeId: chosenTypeId,
    priority: chosenPriority,
    categoryId,
    projectId,
    serviceObjectId: links.serviceObjectId,
    equipmentId: links.equipmentId,
    custom,
    suggestionSessionId: draft.suggestionSessionId,
  };
  const typedSomething = subject.trim() !== '' || description.trim() !== '';
  const keepDraft = () => {
    if (finished.current) return;
    if (typedSomething) saveDraft(user.id, current);
    saveDraftFiles(user.id, files);
  };
  // Kept as it is typed, so leaving by any way (a suggestion, the menu, Back) loses nothing.
  const draftText = JSON.stringify(current);
  useEffect(() => {
    if (!finished.current && typedSomething) saveDraft(user.id, JSON.parse(draftText));
  }, [draftText, typedSomething, user.id]);
  useEffect(() => {
    if (!finished.current) saveDraftFiles(user.id, files);
  }, [files, user.id]);

  const typeList = types.data ?? [];
  const typeId = chosenTypeId ?? typeList[0]?.id ?? '';
  const type = typeList.find((x) => x.id === typeId);
  // Until the client picks one, the priority follows the type's default.
  const priority = chosenPriority ?? type?.defaultPriority ?? 'normal';
  const fields = (type?.fields ?? []).filter((f) => f.active && clientEditable(f));
  const serverErrors = fieldErrorsOf(create.error);
  const errors = { ...serverErrors, ...customMissing };
  const categoryList = categories.data ?? [];
  const parentName = (id: string | null) => {
    const parent = id ? categoryList.find((c) => c.id === id) : undefined;
    return parent ? `${name(parent.name)} › ` : '';
  };
  const busy = create.isPending || uploading;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting.current) return;
    const trimmed = subject.trim();
    const missing = missingRequired(fields, custom);
    setCustomMissing(missing);
    if (!trimmed) return setSubjectError(t('form.subjectRequired'));
    if (trimmed.length > SUBJECT_MAX) {
      return setSubjectError(t('form.subjectTooLong', { max: SUBJECT_MAX }));
    }
    setSubjectError(null);
    if (Object.keys(missing).length) return;
    const customFields = valuesForCreate(fields, custom);
    submitting.current = true;
    let ticket;
    try {
      ticket = await create.mutateAsync({
        body: {
          subject: trimmed,
          description,
          priority,
          ...(typeId ? { typeId } : {}),
          ...(categoryId ? { categoryId } : {}),
          ...(projectId ? { projectId } : {}),
          ...(links.serviceObjectId ? { serviceObjectId: links.serviceObjectId } : {}),
          ...(links.equipmentId ? { equipmentId: links.equipmentId } : {}),
          ...(Object.keys(customFields).length ? { customFields } : {}),
          // Marks the suggestions opened from this form as not a deflection.
          suggestionSessionId: draft.suggestionSessionId,
        },
        idempotencyKey: idempotencyKey.key,
      });
    } catch (error) {
      // The API answered, so nothing was filed: the corrected form is a new request.
      idempotencyKey.renewIfAnswered(error);
      submitting.current = false;
      return;
    }
    finished.current = true;
    clearDraft(user.id);
    notifications.show({ color: 'green', message: t('form.created', { number: ticket.number }) });
    if (files.length) {
      setUploading(true);
      for (const file of files) {
        try {
          await upload.mutateAsync({ ticketId: ticket.id, file });
        } catch (error) {
          notifications.show({
            color: 'red',
            autoClose: false,
            message: t('form.uploadFailed', { name: file.name, error: errorText(error) }),
          });
        }
      }
      setUploading(false);
    }
    void navigate(`/tickets/${ticket.number}`);
  };

  const unplacedError =
    create.error &&
    !Object.keys(serverErrors).some(
      (field) => FORM_FIELDS.includes(field) || field.startsWith('customFields.'),
    )
      ? create.error
      : null;

  const suggestions = (
    <NewTicketSuggestions
      subject={subject}
      description={description}
      sessionId={draft.suggestionSessionId}
      onOpen={keepDraft}
    />
  );

  if (mayFile === false) return <FilingRefusedNotice />;
  return (
    <Stack gap="md" maw={wide ? 1120 : 720}>
      <div>
        <Title order={2}>{t('form.title')}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('form.intro')}
        </Text>
      </div>
      <Grid gap="xl">
        <Grid.Col span={wide ? 8 : 12}>
          <form onSubmit={(e) => void submit(e)} noValidate data-testid="portal-new-ticket-form">
            <Stack gap="md">
              <TextInput
                label={t('form.subject')}
                description={t('form.subjectHint')}
                required
                maxLength={SUBJECT_MAX}
                value={subject}
                onChange={(e) => {
                  setSubject(e.currentTarget.value);
                  if (subjectError) setSubjectError(null);
                }}
                error={subjectError ?? errors.subject}
                data-testid="portal-subject"
              />
              <Group grow align="flex-start" wrap="wrap" gap="md" preventGrowOverflow={false}>
                <NativeSelect
                  label={t('form.type')}
                  value={typeId}
                  onChange={(e) => setChosenTypeId(e.currentTarget.value)}
                  data={
                    typeList.length
                      ? typeList.map((x) => ({ value: x.id, label: name(x.name) }))
                      : [
                          {
                            value: '',
                            label: types.isPending ? t('common:loading') : t('common:none'),
                          },
                        ]
                  }
                  error={errors.typeId}
                  miw={200}
                  data-testid="portal-type"
                />
                <NativeSelect
                  label={t('form.priority')}
                  value={priority}
                  onChange={(e) => setChosenPriority(e.currentTarget.value as Priority)}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
                  error={errors.priority}
                  miw={200}
                  data-testid="portal-priority"
                />
              </Group>
              {types.isError && <ProblemMessage error={types.error} />}
              {categoryList.length > 0 && (
                <NativeSelect
                  label={tw('category')}
                  value={categoryId}
                  onChange={(e) => setCategoryId(e.currentTarget.value)}
                  data={[
                    { value: '', label: tw('noCategory') },
                    ...categoryList.map((c) => ({
                      value: c.id,
                      label: `${parentName(c.parentId)}${name(c.name)}`,
                    })),
                  ]}
                  error={errors.categoryId}
                  data-testid="portal-category"
                />
              )}
              {projects.length > 0 && (
                <NativeSelect
                  label={tp('project.label')}
                  value={projectId}
                  onChange={(e) => setProjectId(e.currentTarget.value)}
                  data={[
                    { value: '', label: tp('project.none') },
                    ...projects.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  error={errors.projectId}
                  data-testid="portal-project"
                />
              )}
              {user.organizationId && (
                <TicketLinkPickers
                  value={links}
                  onChange={setLinks}
                  errors={errors}
                  disabled={busy}
                />
              )}
              {fields.length > 0 && (
                <Stack
                  gap="xs"
                  component="fieldset"
                  style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
                >
                  <Text component="legend" size="sm" fw={600} p={0}>
                    {tw('typeFields')}
                  </Text>
                  <CustomFieldsForm
                    fields={fields}
                    values={custom}
                    onChange={(key, value) => {
                      setCustom((c) => ({ ...c, [key]: value }));
                      setCustomMissing(({ [`customFields.${key}`]: _, ...rest }) => rest);
                    }}
                    errors={errors}
                    disabled={busy}
                    testIdPrefix="portal-custom"
                  />
                </Stack>
              )}
              <Textarea
                label={t('form.description')}
                description={t('form.descriptionHint')}
                autosize
                minRows={5}
                maxRows={16}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={errors.description}
                data-testid="portal-description"
              />
              {/* On a narrow screen right under what is being typed; beside the form when wide. */}
              {!wide && suggestions}
              <Input.Wrapper label={t('form.attachments')} labelElement="div">
                <Stack gap="xs" mt={4}>
                  <UploadZone
                    label={t('form.addFiles')}
                    onFiles={(picked) => setFiles((current) => [...current, ...picked])}
                    disabled={busy}
                    testId="portal-new-attachments"
                  />
                  <ChosenFiles
                    files={files}
                    disabled={busy}
                    onRemove={(index) =>
                      setFiles((current) => current.filter((_, i) => i !== index))
                    }
                  />
                </Stack>
              </Input.Wrapper>
              {unplacedError && <ProblemMessage error={unplacedError} />}
              <Group gap="sm">
                <Button type="submit" loading={busy} data-testid="portal-submit">
                  {t('form.submit')}
                </Button>
                <Button
                  component={Link}
                  to="/tickets"
                  variant="subtle"
                  disabled={busy}
                  onClick={() => {
                    finished.current = true;
                    clearDraft(user.id);
                  }}
                >
                  {t('form.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        {wide && (
          <Grid.Col span={4}>
            <div style={{ position: 'sticky', top: 16 }}>{suggestions}</div>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
