import type { CustomFieldValues, TicketChannel, TicketPriority } from '@relaydesk/contracts';
import type { AssignmentRuleConditions } from './entities/assignment-rule.entity.js';
import { inList } from '../../common/reference-data/conditions.js';

/** What rules look at: a ticket as it is about to be created, or as an edit leaves it. */
export interface TicketFacts {
  subject: string;
  typeId: string | null;
  /** The ticket's category and, when it is a subcategory, its parent. */
  categoryIds: string[];
  priority: TicketPriority;
  organizationId: string | null;
  projectId: string | null;
  channel: TicketChannel;
  customFields: CustomFieldValues;
  /** Issue 18 links: the contract, the service object and the equipment item's type. */
  contractId?: string | null;
  serviceObjectId?: string | null;
  equipmentTypeId?: string | null;
}

/**
 * Lower case without diacritics, so "Nefunguje", "nefunguje" and "NEFUNGUJE" are one word, as
 * are "tiskárna"/"tiskarna" and «Ещё»/«еще». Marks are stripped after canonical decomposition,
 * the same on both sides, so the comparison stays symmetric (й and и compare equal, which only
 * ever widens a match).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether `phrase` occurs in `subject` as whole words in a row. A trailing `*` lets the last
 * word be the beginning of a longer one: Russian and Czech inflect, so "принтер*" finds
 * "принтера" and "tiskárn*" finds "tiskárny".
 */
export function subjectHasPhrase(subjectWords: string[], phrase: string): boolean {
  const trimmed = phrase.trim();
  const prefix = trimmed.endsWith('*');
  const needle = words(trimmed);
  if (needle.length === 0) return false;
  const last = needle.length - 1;
  for (let i = 0; i + needle.length <= subjectWords.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) {
      const w = subjectWords[i + j];
      ok = j === last && prefix ? w.startsWith(needle[j]) : w === needle[j];
    }
    if (ok) return true;
  }
  return false;
}

/**
 * A custom field value is a scalar or a flat array of them (the custom field validator stores
 * nothing deeper), so one level is looked into, without recursion: an array nested in an array
 * never matches.
 */
function valueEquals(actual: unknown, expected: string | number | boolean): boolean {
  if (Array.isArray(actual)) return actual.some((v) => scalarEquals(v, expected));
  return scalarEquals(actual, expected);
}

function scalarEquals(actual: unknown, expected: string | number | boolean): boolean {
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'object') return false;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return actual === expected;
  return foldText(String(actual)).trim() === foldText(String(expected)).trim();
}

/** Every condition present must hold; absent or empty ones hold for every ticket. */
export function conditionsMatch(c: AssignmentRuleConditions, facts: TicketFacts): boolean {
  if (!inList(c.typeIds, facts.typeId)) return false;
  if (c.categoryIds?.length && !facts.categoryIds.some((id) => c.categoryIds!.includes(id))) {
    return false;
  }
  if (!inList(c.priorities, facts.priority)) return false;
  if (!inList(c.organizationIds, facts.organizationId)) return false;
  if (!inList(c.projectIds, facts.projectId)) return false;
  if (!inList(c.channels, facts.channel)) return false;
  if (!inList(c.contractIds, facts.contractId ?? null)) return false;
  if (!inList(c.serviceObjectIds, facts.serviceObjectId ?? null)) return false;
  if (!inList(c.equipmentTypeIds, facts.equipmentTypeId ?? null)) return false;
  if (c.customField && !valueEquals(facts.customFields[c.customField.key], c.customField.value)) {
    return false;
  }
  if (c.subjectWords?.length) {
    const subject = words(facts.subject);
    if (!c.subjectWords.some((phrase) => subjectHasPhrase(subject, phrase))) return false;
  }
  return true;
}
