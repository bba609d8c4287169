import { useTranslation } from 'react-i18next';
import { useFormat, useStatusLabel, useTranslatedName } from '@relaydesk/web-ui';
import type { Ticket, TicketEvent } from '../../api';
import type { CustomFieldValue } from '@relaydesk/contracts';
import { useCustomFieldText } from '@relaydesk/web-ui/custom-fields';
import { useCategories, useTicketTypes, useWorkflows } from '../../hooks';
import { categoryOptions } from '../pickers';
import { useFileSize } from './file-utils';
import { useFieldLabel } from './use-field-label';

/** History field names → keys of `fields.*`. */
const FIELD_LABELS: Record<string, string> = {
  subject: 'subject',
  description: 'description',
  priority: 'priority',
  typeId: 'type',
  organizationId: 'organization',
  requesterId: 'requester',
  dueAt: 'dueAt',
  postponedUntil: 'postponedUntil',
  assigneeId: 'assignee',
  groupId: 'group',
  status: 'status',
};

const asNumbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];

type Json = unknown;

const asRecord = (v: Json): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The ticket's links to the registers (issue 18) and their labels in the `registers` strings. */
const REGISTER_LINKS: Record<string, string> = {
  serviceObjectId: 'object',
  equipmentId: 'equipment',
  contractId: 'contract',
};

/** One readable sentence per history event, in the UI language. */
export function useDescribeEvent(ticket: Ticket, nameOf: (id: string | null) => string | null) {
  const { t } = useTranslation('ticketDetail');
  const { t: tc } = useTranslation('common');
  const { t: tw } = useTranslation('ticketWork');
  const { t: tr } = useTranslation('ticketRouting');
  const { t: twa } = useTranslation('watchers');
  const { t: tk } = useTranslation('kbTicket');
  const { t: treg } = useTranslation('registers');
  const fieldLabel = useFieldLabel(ticket);
  const customText = useCustomFieldText((_kind, id) => {
    const known = nameOf(id);
    return known && !known.startsWith('#') ? known : null;
  });
  const categories = useCategories();
  const fmt = useFormat();
  const size = useFileSize();
  const name = useTranslatedName();
  const statusLabel = useStatusLabel();
  const types = useTicketTypes();
  const workflows = useWorkflows();
  const statuses = workflows.data?.find((w) => w.id === ticket.workflowId)?.statuses ?? [];

  const none = t('history.none');
  const status = (key: unknown) => {
    const k = asString(key);
    if (!k) return none;
    return statusLabel(k, statuses.find((x) => x.key === k)?.name);
  };
  const assignment = (v: Json) => {
    const r = asRecord(v);
    const who = nameOf(asString(r.assigneeId));
    const group = nameOf(asString(r.groupId));
    if (!who && !group) return t('assignment.unassigned');
    if (!who) return t('history.groupOnly', { group });
    return group ? `${who} · ${group}` : who;
  };
  const typeFields = types.data?.find((x) => x.id === ticket.typeId)?.fields ?? [];
  const value = (field: string, v: Json): string => {
    if (v === null || v === undefined || v === '') return none;
    if (field.startsWith('custom:')) {
      const def = typeFields.find((f) => `custom:${f.key}` === field);
      return customText(def, v as CustomFieldValue) ?? none;
    }
    switch (field) {
      case 'priority':
        return tc(`priority.${String(v)}`, { defaultValue: String(v) });
      case 'typeId': {
        const type = types.data?.find((x) => x.id === v);
        return type ? name(type.name) : (nameOf(asString(v)) ?? none);
      }
      case 'organizationId':
      case 'requesterId':
      case 'assigneeId':
      case 'groupId':
        return nameOf(asString(v)) ?? none;
      case 'categoryId': {
        const [option] = categoryOptions(categories.data ?? [], name, (c) => c.id === v);
        return option?.label ?? none;
      }
      case 'projectId':
        return ticket.projectId === v && ticket.project
          ? ticket.project.name
          : (nameOf(asString(v)) ?? none);
      case 'dueAt':
      case 'postponedUntil':
        return fmt.dateTime(asString(v));
      case 'subject':
        return t('history.quoted', { text: String(v) });
      default:
        return typeof v === 'string' ? v : JSON.stringify(v);
    }
  };

  const level = (v: unknown) =>
    typeof v === 'number' ? tr('levelValue', { level: v }) : tr('noLevel');
  const clock = (v: unknown) => {
    const c = asString(v) ?? '';
    return tr(`history.clock.${c}`, { defaultValue: c });
  };
  /** What a rule set, in the order people read it: group, agent, priority, level. */
  const ruleSet = (r: Record<string, unknown>) =>
    (['groupId', 'assigneeId', 'priority', 'supportLevel'] as const)
      .filter((k) => k in r)
      .map((k) =>
        tr('history.ruleSet', {
          what: tr(`history.set.${k}`),
          value:
            k === 'supportLevel'
              ? level(r[k])
              : k === 'priority'
                ? value('priority', r[k])
                : (nameOf(asString(r[k])) ?? none),
        }),
      )
      .join(', ');

  return (e: TicketEvent): string => {
    switch (e.kind) {
      case 'created':
        return t('history.created');
      case 'status_changed':
        return t('history.statusChanged', { from: status(e.oldValue), to: status(e.newValue) });
      case 'assigned':
        return t('history.assigned', {
          from: assignment(e.oldValue),
          to: assignment(e.newValue),
        });
      case 'taken':
        return t('history.taken');
      case 'comment_added':
        return e.internal ? t('history.noteAdded') : t('history.commentAdded');
      case 'attachment_added': {
        const r = asRecord(e.newValue);
        const bytes = typeof r.sizeBytes === 'number' ? r.sizeBytes : null;
        return t('history.attachmentAdded', {
          name: asString(r.fileName) ?? '',
          size: bytes === null ? '' : size(bytes),
        });
      }
      case 'field_changed': {
        const field = e.field ?? '';
        const label =
          field.startsWith('custom:') || field === 'categoryId' || field === 'projectId'
            ? fieldLabel(field)
            : t(`fields.${FIELD_LABELS[field] ?? field}`, { defaultValue: field });
        if (field === 'description') return t('history.descriptionChanged');
        // Issue 18's links: the API names the old and new record as this reader may see them.
        if (field === 'warranty') {
          return treg(e.newValue ? 'history.warrantyOn' : 'history.warrantyOff');
        }
        if (REGISTER_LINKS[field]) {
          const linkLabel = treg(`links.${REGISTER_LINKS[field]}`);
          const fromName = e.oldValue ? (e.oldValueName ?? '…') : null;
          const toName = e.newValue ? (e.newValueName ?? '…') : null;
          if (!fromName) return t('history.fieldSet', { field: linkLabel, to: toName ?? none });
          if (!toName) return t('history.fieldCleared', { field: linkLabel, from: fromName });
          return t('history.fieldChanged', { field: linkLabel, from: fromName, to: toName });
        }
        // Typed as objects by the OpenAPI document, but any JSON in practice (strings mostly).
        const from = e.oldValue as Json;
        const to = e.newValue as Json;
        if (from === null || from === undefined || from === '')
          return t('history.fieldSet', { field: label, to: value(field, to) });
        if (to === null || to === undefined || to === '')
          return t('history.fieldCleared', { field: label, from: value(field, from) });
        return t('history.fieldChanged', {
          field: label,
          from: value(field, from),
          to: value(field, to),
        });
      }
      case 'link_added':
      case 'link_removed': {
        const r = asRecord(e.newValue);
        const relation = asString(r.relation) ?? '';
        return tw(e.kind === 'link_added' ? 'history.linkAdded' : 'history.linkRemoved', {
          relation: tw(`links.relations.${relation}`, { defaultValue: relation }),
          number: typeof r.number === 'number' ? r.number : '?',
        });
      }
      case 'rated':
        return tw('history.rated', { rating: asRecord(e.newValue).rating ?? '?' });
      case 'close_forced':
        return tw('history.closeForced', {
          numbers: asNumbers(asRecord(e.newValue).openChildren)
            .map((n) => `#${n}`)
            .join(', '),
        });
      case 'rating_link_created':
        return tw('history.ratingLinkCreated');
      case 'kb_draft_created':
        return tk('history.draftCreated', { title: asString(asRecord(e.newValue).title) ?? '' });
      case 'rule_applied': {
        const r = asRecord(e.newValue);
        const line = tr('history.ruleApplied', { name: asString(r.ruleName) ?? '?' });
        const set = ruleSet(r);
        return set ? `${line}: ${set}` : line;
      }
      case 'auto_assigned': {
        const r = asRecord(e.newValue);
        const mode = asString(r.distribution) ?? '';
        return tr('history.autoAssigned', {
          who: nameOf(asString(r.assigneeId)) ?? none,
          mode: tr(`history.distribution.${mode}`, { defaultValue: mode }),
          group: nameOf(asString(r.groupId)) ?? none,
        });
      }
      case 'escalated': {
        const from = asRecord(e.oldValue);
        const to = asRecord(e.newValue);
        return tr('history.escalated', {
          from: level(from.supportLevel),
          to: level(to.supportLevel),
          group: nameOf(asString(to.groupId)) ?? none,
          reason: asString(to.reason) ?? '',
        });
      }
      case 'sla_reminder':
      case 'sla_breached': {
        const r = asRecord(e.newValue);
        return tr(e.kind === 'sla_reminder' ? 'history.slaReminder' : 'history.slaBreached', {
          clock: clock(r.clock ?? e.field),
          due: fmt.dateTime(asString(r.dueAt)),
        });
      }
      case 'watcher_added':
      case 'watcher_removed':
        return twa(e.kind === 'watcher_added' ? 'historyAdded' : 'historyRemoved', {
          name: asString(asRecord(e.newValue).name) ?? none,
        });
      default:
        return e.kind;
    }
  };
}
