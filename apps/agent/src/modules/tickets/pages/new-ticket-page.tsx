import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import { useUser } from '@relaydesk/web-auth';
import { useIdempotencyKey } from '@relaydesk/web-tickets';
import { Permission, roleHasPermission, type TicketPriority } from '@relaydesk/contracts';
import type { Schemas } from '@relaydesk/api-client';
import {
  CustomFieldsForm,
  missingRequired,
  valuesForCreate,
} from '@relaydesk/web-ui/custom-fields';
import type { CustomFieldValue, CustomFieldValues } from '@relaydesk/contracts';
import { useCreateTicket, useTicketTypes } from '../hooks';
import {
  CategorySelect,
  GroupPicker,
  OrganizationPicker,
  PrioritySelect,
  ProjectPicker,
  TicketTypeSelect,
  UserPicker,
} from '../components/pickers';
import { useCustomFieldPickers } from '../components/custom-fields/use-custom-field-pickers';
import { DateTimeInput } from '../components/detail/date-time-input';
import { FileDropZone } from '../components/detail/file-drop-zone';
import { useFileSize } from '../components/detail/file-utils';
import { useUploadQueue } from '../components/detail/upload-queue';
import { useSingleFlight } from '../components/detail/use-single-flight';
import {
  linksBody,
  NO_LINKS,
  TicketLinksFields,
  type TicketLinks,
} from '../../registers/ticket-links-fields';

/** /tickets/new: a staff member files a ticket, possibly for a client contact. */
export default function NewTicketPage() {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  useDocumentTitle(`${t('newTicket.title')} · Relaydesk`);
  const me = useUser();
  const navigate = useNavigate();
  const size = useFileSize();
  const create = useCreateTicket();
  const queue = useUploadQueue();
  // One key per form: a double click or a retry after a lost answer makes one ticket.
  const { key: idempotencyKey } = useIdempotencyKey();
  const mayAssignAnyone = roleHasPermission(me.role, Permission.TicketsAssign);

  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [typeId, setTypeId] = useState<string | null>(null);
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [priorityTouched, setPriorityTouched] = useState(false);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [requester, setRequester] = useState<{ id: string; orgId: string | null } | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [links, setLinks] = useState<TicketLinks>(NO_LINKS);
  const [custom, setCustom] = useState<CustomFieldValues>({});
  const [customMissing, setCustomMissing] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [subjectMissing, setSubjectMissing] = useState(false);
  const [done, setDone] = useState(false);
  const types = useTicketTypes();
  const fields = (types.data?.find((x) => x.id === typeId)?.fields ?? []).filter((f) => f.active);
  const pickers = useCustomFieldPickers(fields, custom);
  const errors = { ...fieldErrors(create.error), ...customMissing };

  const once = useSingleFlight();
  const submit = () => {
    if (done) return;
    const missing = missingRequired(fields, custom);
    setCustomMissing(missing);
    if (!subject.trim()) setSubjectMissing(true);
    if (!subject.trim() || Object.keys(missing).length) return;
    const customFields = valuesForCreate(fields, custom);
    const body: Schemas['CreateTicketDto'] = {
      subject: subject.trim(),
      description,
      priority,
      ...(typeId ? { typeId } : {}),
      ...(organizationId ? { organizationId } : {}),
      ...(requester ? { requesterId: requester.id } : {}),
      ...(assigneeId ? { assigneeId } : {}),
      ...(groupId ? { groupId } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(categoryId ? { categoryId } : {}),
      ...(projectId ? { projectId } : {}),
      ...(Object.keys(customFields).length ? { customFields } : {}),
      ...linksBody(links),
    };
    once((release) =>
      create.mutate(
        { body, idempotencyKey },
        {
          onError: release,
          onSuccess: (ticket) => {
            setDone(true);
            void (async () => {
              const failed = files.length ? await queue.add(ticket.id, files) : 0;
              notifications.show({
                color: failed ? 'orange' : 'green',
                message: failed
                  ? t('newTicket.createdUploadsFailed', { number: ticket.number, failed })
                  : t('newTicket.created', { number: ticket.number }),
              });
              await navigate(`/tickets/${ticket.number}`);
            })();
          },
        },
      ),
    );
  };

  const busy = create.isPending || done;
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('newTicket.title')}</Title>
      <Card withBorder radius="md" padding="lg">
        <form
          noValidate
          data-testid="new-ticket-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="md">
                <TextInput
                  label={t('fields.subject')}
                  required
                  maxLength={250}
                  value={subject}
                  onChange={(e) => {
                    setSubject(e.currentTarget.value);
                    setSubjectMissing(false);
                  }}
                  error={
                    errors.subject ?? (subjectMissing ? t('fields.subjectRequired') : undefined)
                  }
                  data-testid="new-ticket-subject"
                  data-autofocus
                  autoFocus
                />
                <Textarea
                  label={t('fields.description')}
                  autosize
                  minRows={8}
                  maxRows={24}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  error={errors.description}
                  data-testid="new-ticket-description"
                />
                {fields.length > 0 && (
                  <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                    <Text component="legend" size="sm" fw={600} p={0}>
                      {tw('fields.customHeading')}
                    </Text>
                    <CustomFieldsForm
                      fields={fields}
                      values={custom}
                      onChange={(key: string, value: CustomFieldValue) => {
                        setCustom((c) => ({ ...c, [key]: value }));
                        setCustomMissing(({ [`customFields.${key}`]: _, ...rest }) => rest);
                      }}
                      errors={errors}
                      disabled={busy}
                      testIdPrefix="new-ticket-custom"
                      {...pickers}
                    />
                  </Stack>
                )}
                <Stack gap={6}>
                  <Text size="sm" fw="var(--mantine-font-weight-medium)">
                    {t('attachments.heading')}
                  </Text>
                  <FileDropZone
                    testIdPrefix="new-ticket-attachment"
                    disabled={busy}
                    onFiles={(picked) => setFiles((f) => [...f, ...picked])}
                    hint={t('newTicket.filesHint')}
                  />
                  {files.length > 0 && (
                    <Stack
                      gap={4}
                      component="ul"
                      style={{ listStyle: 'none', margin: 0, padding: 0 }}
                    >
                      {files.map((f, i) => (
                        <Group key={`${f.name}-${i}`} component="li" gap="xs" wrap="nowrap">
                          <IconPaperclip size={14} aria-hidden />
                          <Text size="sm" truncate>
                            {f.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {size(f.size)}
                          </Text>
                          <CloseButton
                            size="sm"
                            disabled={busy}
                            aria-label={t('conversation.removeFile', { name: f.name })}
                            onClick={() => setFiles(files.filter((_, j) => j !== i))}
                          />
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Stack>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <TicketTypeSelect
                  label={t('fields.type')}
                  value={typeId}
                  clearable
                  onChange={(id, type) => {
                    setTypeId(id);
                    if (type && !priorityTouched) setPriority(type.defaultPriority);
                  }}
                  error={errors.typeId}
                  data-testid="new-ticket-type"
                />
                <CategorySelect
                  label={tw('fields.category')}
                  value={categoryId}
                  onChange={setCategoryId}
                  error={errors.categoryId}
                  data-testid="new-ticket-category"
                />
                <ProjectPicker
                  label={tw('fields.project')}
                  value={projectId}
                  onChange={(id) => setProjectId(id)}
                  placeholder={tw('fields.noProject')}
                  error={errors.projectId}
                  data-testid="new-ticket-project"
                />
                <PrioritySelect
                  label={t('fields.priority')}
                  value={priority}
                  onChange={(p) => {
                    setPriority(p);
                    setPriorityTouched(true);
                  }}
                  error={errors.priority}
                  data-testid="new-ticket-priority"
                />
                <OrganizationPicker
                  label={t('fields.organization')}
                  value={organizationId}
                  onChange={(id) => {
                    setOrganizationId(id);
                    // A contact of another organization cannot be this ticket's requester.
                    if (id && requester?.orgId && requester.orgId !== id) setRequester(null);
                  }}
                  error={errors.organizationId}
                  data-testid="new-ticket-organization"
                />
                <UserPicker
                  label={t('fields.requester')}
                  description={organizationId ? t('newTicket.requesterOfOrg') : undefined}
                  scope={organizationId ? 'contacts' : 'any'}
                  organizationId={organizationId}
                  value={requester?.id ?? null}
                  onChange={(id, user) =>
                    setRequester(id ? { id, orgId: user?.organizationId ?? null } : null)
                  }
                  error={errors.requesterId}
                  data-testid="new-ticket-requester"
                />
                <TicketLinksFields
                  organizationId={organizationId ?? requester?.orgId ?? null}
                  value={links}
                  onChange={setLinks}
                  errors={errors}
                  disabled={busy}
                />
                {mayAssignAnyone ? (
                  <UserPicker
                    label={t('fields.assignee')}
                    scope="staff"
                    value={assigneeId}
                    onChange={(id) => setAssigneeId(id)}
                    placeholder={t('assignment.unassigned')}
                    error={errors.assigneeId}
                    data-testid="new-ticket-assignee"
                  />
                ) : (
                  <Checkbox
                    label={t('newTicket.assignToMe')}
                    checked={assigneeId === me.id}
                    onChange={(e) => setAssigneeId(e.currentTarget.checked ? me.id : null)}
                    error={errors.assigneeId}
                    data-testid="new-ticket-assign-me"
                  />
                )}
                <GroupPicker
                  label={t('fields.group')}
                  value={groupId}
                  onChange={(id) => setGroupId(id)}
                  placeholder={t('assignment.noGroup')}
                  error={errors.groupId}
                  data-testid="new-ticket-group"
                />
                <DateTimeInput
                  label={t('fields.dueAt')}
                  value={dueAt}
                  min={new Date().toISOString()}
                  onChange={setDueAt}
                  error={errors.dueAt}
                  data-testid="new-ticket-due"
                />
              </Stack>
            </Grid.Col>
          </Grid>
          <Stack gap="sm" mt="lg">
            {Object.keys(fieldErrors(create.error)).length === 0 && (
              <ProblemMessage error={create.error} />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" disabled={busy} onClick={() => void navigate(-1)}>
                {t('actions.cancel')}
              </Button>
              <Button
                type="submit"
                loading={busy}
                leftSection={null}
                data-testid="new-ticket-submit"
              >
                {t('newTicket.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
