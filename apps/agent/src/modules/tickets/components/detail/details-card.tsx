import { Button, Card, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage, useFormat, useTranslatedName } from '@relaydesk/web-ui';
import type { Category, Ticket } from '../../api';
import { useCategories, useUpdateTicket } from '../../hooks';
import {
  categoryOptions,
  CategorySelect,
  OrganizationPicker,
  PrioritySelect,
  ProjectPicker,
  TicketTypeSelect,
  UserPicker,
} from '../pickers';
import { DateTimeInput } from './date-time-input';
import { isVersionConflict, useTicketConcurrency } from './ticket-concurrency';
import { useTicketDraft } from './use-ticket-draft';
import { useSingleFlight } from './use-single-flight';

const FIELDS = [
  'subject',
  'priority',
  'typeId',
  'categoryId',
  'projectId',
  'organizationId',
  'requesterId',
  'dueAt',
] as const;

/** The ticket's editable fields (one Save for all, sending only what changed) and its dates. */
export function DetailsCard({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const { t: tc } = useTranslation('common');
  const { t: tw } = useTranslation('ticketWork');
  const fmt = useFormat();
  const name = useTranslatedName();
  const concurrency = useTicketConcurrency();
  const draft = useTicketDraft(ticket);
  const update = useUpdateTicket(ticket.id);
  const categories = useCategories();
  const errors = fieldErrors(update.error);
  const dirty = FIELDS.some((f) => draft.isDirty(f));
  const organizationId = draft.value('organizationId');

  const once = useSingleFlight();
  const save = () => {
    if (!draft.value('subject').trim()) return;
    once((release) =>
      update.mutate(draft.body([...FIELDS]), {
        onSettled: release,
        onSuccess: () => {
          draft.reset([...FIELDS]);
          concurrency.advance();
          notifications.show({ color: 'green', message: t('fields.saved') });
        },
        onError: (e) => concurrency.report(e),
      }),
    );
  };

  const readOnlyRows: [string, string | null][] = [
    ['subject', ticket.subject],
    ['type', ticket.type ? name(ticket.type.name) : null],
    ['priority', tc(`priority.${ticket.priority}`)],
    ['category', categoryLabel(ticket, categories.data ?? [], name)],
    ['project', ticket.project?.name ?? null],
    ['organization', ticket.organization?.name ?? null],
    ['requester', ticket.requester?.name ?? null],
    ['dueAt', ticket.dueAt ? fmt.dateTime(ticket.dueAt) : null],
  ];

  const meta: [string, string | null][] = [
    ['createdAt', fmt.dateTime(ticket.createdAt)],
    ['updatedAt', fmt.dateTime(ticket.updatedAt)],
    ['channel', t(`channel.${ticket.channel}`)],
    ['postponedUntil', ticket.postponedUntil ? fmt.dateTime(ticket.postponedUntil) : null],
    ['firstRespondedAt', ticket.firstRespondedAt ? fmt.dateTime(ticket.firstRespondedAt) : null],
    ['resolvedAt', ticket.resolvedAt ? fmt.dateTime(ticket.resolvedAt) : null],
    ['closedAt', ticket.closedAt ? fmt.dateTime(ticket.closedAt) : null],
  ];

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="details-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        data-testid="ticket-fields"
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id="details-heading">
            {t('fields.heading')}
          </Title>
          {readOnly && (
            <Text size="sm" c="dimmed" data-testid="read-only-note">
              {t('fields.readOnly')}
            </Text>
          )}
          {readOnly ? (
            <FieldList rows={readOnlyRows} />
          ) : (
            <>
              <TextInput
                label={t('fields.subject')}
                required
                maxLength={250}
                value={draft.value('subject')}
                onChange={(e) => draft.set('subject', e.currentTarget.value)}
                error={
                  errors.subject ??
                  (draft.value('subject').trim() ? undefined : t('fields.subjectRequired'))
                }
                data-testid="field-subject"
              />
              <TicketTypeSelect
                label={t('fields.type')}
                workflowId={ticket.workflowId}
                value={draft.value('typeId')}
                onChange={(id) => id && draft.set('typeId', id)}
                allowDeselect={false}
                error={errors.typeId}
                data-testid="field-type"
              />
              <CategorySelect
                label={tw('fields.category')}
                value={draft.value('categoryId')}
                onChange={(id) => draft.set('categoryId', id)}
                error={errors.categoryId}
                data-testid="field-category"
              />
              <ProjectPicker
                label={tw('fields.project')}
                value={draft.value('projectId')}
                selectedName={ticket.project?.name}
                onChange={(id) => draft.set('projectId', id)}
                placeholder={tw('fields.noProject')}
                error={errors.projectId}
                data-testid="field-project"
              />
              <PrioritySelect
                label={t('fields.priority')}
                value={draft.value('priority')}
                onChange={(p) => draft.set('priority', p)}
                error={errors.priority}
                data-testid="field-priority"
              />
              <OrganizationPicker
                label={t('fields.organization')}
                value={organizationId}
                selectedName={ticket.organization?.name}
                onChange={(id) => draft.set('organizationId', id)}
                placeholder={t('fields.noOrganization')}
                error={errors.organizationId}
                data-testid="field-organization"
              />
              <UserPicker
                label={t('fields.requester')}
                scope={organizationId ? 'contacts' : 'any'}
                organizationId={organizationId}
                value={draft.value('requesterId')}
                selectedName={ticket.requester?.name}
                onChange={(id) => draft.set('requesterId', id)}
                placeholder={t('fields.noRequester')}
                error={errors.requesterId}
                data-testid="field-requester"
              />
              <DateTimeInput
                label={t('fields.dueAt')}
                value={draft.value('dueAt')}
                onChange={(v) => draft.set('dueAt', v)}
                error={errors.dueAt}
                data-testid="field-due"
              />
            </>
          )}
          {!isVersionConflict(update.error) && Object.keys(errors).length === 0 && (
            <ProblemMessage error={update.error} />
          )}
          {dirty && !readOnly && (
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="xs" onClick={() => draft.reset([...FIELDS])}>
                {t('actions.discard')}
              </Button>
              <Button
                type="submit"
                size="xs"
                loading={update.isPending}
                disabled={!draft.value('subject').trim()}
                data-testid="save-fields"
              >
                {t('actions.save')}
              </Button>
            </Group>
          )}
          <Divider />
          <FieldList rows={meta} size="xs" />
        </Stack>
      </form>
    </Card>
  );
}

/** "Parent › Child" when the category list is at hand, else the category's own name. */
function categoryLabel(
  ticket: Ticket,
  categories: Category[],
  name: ReturnType<typeof useTranslatedName>,
): string | null {
  if (!ticket.category) return null;
  const [option] = categoryOptions(categories, name, (c) => c.id === ticket.categoryId);
  return option?.label ?? name(ticket.category.name);
}

/** Label and value pairs; empty values show as a dash. */
function FieldList({ rows, size = 'sm' }: { rows: [string, string | null][]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('ticketDetail');
  const { t: tw } = useTranslation('ticketWork');
  const { t: tc } = useTranslation('common');
  return (
    <Stack gap={4} component="dl" style={{ margin: 0 }}>
      {rows
        .filter(([, v]) => size === 'sm' || v)
        .map(([key, v]) => (
          <Group key={key} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Text size={size} c="dimmed" component="dt" style={{ flexShrink: 0 }}>
              {key === 'category' || key === 'project' ? tw(`fields.${key}`) : t(`fields.${key}`)}
            </Text>
            <Text size={size} component="dd" m={0} ta="right" style={{ overflowWrap: 'anywhere' }}>
              {v ?? tc('none')}
            </Text>
          </Group>
        ))}
    </Stack>
  );
}
