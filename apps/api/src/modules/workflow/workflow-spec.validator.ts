import {
  CUSTOM_FIELD_REF_PREFIX,
  TRANSITION_REQUIRABLE_FIELDS,
  type ProblemFieldError,
} from '@relaydesk/contracts';
import { WORKFLOW_KEY_PATTERN, type WorkflowSpec } from './workflow-spec.js';

const KEY_RULE = 'must start with a-z and hold only a-z, 0-9 and _ (at most 50 characters)';

function isRequirableField(field: string): boolean {
  if ((TRANSITION_REQUIRABLE_FIELDS as readonly string[]).includes(field)) return true;
  return (
    field.startsWith(CUSTOM_FIELD_REF_PREFIX) &&
    WORKFLOW_KEY_PATTERN.test(field.slice(CUSTOM_FIELD_REF_PREFIX.length))
  );
}

/**
 * Every rule a workflow must keep for the engine to run it, one error per problem so an editor
 * can mark each offending cell. Shape and types are the DTO's job; this sees well-typed input.
 */
export function validateWorkflowSpec(spec: WorkflowSpec): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });

  if (!WORKFLOW_KEY_PATTERN.test(spec.key)) err('key', KEY_RULE);

  const byKey = new Map<string, WorkflowSpec['statuses'][number]>();
  spec.statuses.forEach((s, i) => {
    if (!WORKFLOW_KEY_PATTERN.test(s.key)) err(`statuses[${i}].key`, KEY_RULE);
    // A bad key still counts as a status, so references to it are not reported a second time.
    if (byKey.has(s.key)) err(`statuses[${i}].key`, `"${s.key}" is used by another status`);
    else byKey.set(s.key, s);
  });
  const initial = spec.statuses.filter((s) => s.isInitial);
  if (initial.length !== 1) {
    err('statuses', `exactly one status must be initial; ${initial.length} are`);
  }
  spec.statuses.forEach((s, i) => {
    if (s.isInitial && s.isFinal) {
      err(`statuses[${i}].isFinal`, 'the initial status cannot be final');
    }
  });

  /** Checks that `value` names a status; returns it when it does. */
  const ref = (field: string, value: string) => {
    const s = byKey.get(value);
    if (!s) err(field, `no status "${value}" in this workflow`);
    return s;
  };

  const pairs = new Set<string>();
  spec.transitions.forEach((t, i) => {
    const at = `transitions[${i}]`;
    const from = ref(`${at}.from`, t.from);
    const to = ref(`${at}.to`, t.to);
    if (t.from === t.to) err(`${at}.to`, 'a transition must lead to another status');
    if (from?.isFinal) err(`${at}.from`, `"${t.from}" is final: nothing leaves it`);
    if (t.requiresPostpone && to?.isFinal) {
      err(`${at}.requiresPostpone`, 'a postpone-until needs a status the ticket leaves again');
    }
    t.requiredFields.forEach((field, j) => {
      if (!isRequirableField(field)) {
        err(
          `${at}.requiredFields[${j}]`,
          `"${field}" is not a ticket field a transition can require; use one of ` +
            `${TRANSITION_REQUIRABLE_FIELDS.join(', ')} or ${CUSTOM_FIELD_REF_PREFIX}<field key>`,
        );
      }
    });
    const pair = `${t.from}\u0000${t.to}`;
    if (pairs.has(pair)) err(at, `another transition already leads from "${t.from}" to "${t.to}"`);
    pairs.add(pair);
  });

  const triggers = new Set<string>();
  spec.autoTransitions.forEach((a, i) => {
    const at = `autoTransitions[${i}]`;
    const from = ref(`${at}.status`, a.status);
    ref(`${at}.to`, a.to);
    if (a.status === a.to) err(`${at}.to`, 'an automatic transition must lead to another status');
    if (from?.isFinal) err(`${at}.status`, `"${a.status}" is final: nothing leaves it`);
    if (a.trigger === 'after_time') {
      if (a.afterSeconds === null || a.afterSeconds <= 0) {
        err(`${at}.afterSeconds`, 'after_time needs afterSeconds greater than 0');
      }
    } else if (a.afterSeconds !== null) {
      err(`${at}.afterSeconds`, `only after_time takes afterSeconds, not ${a.trigger}`);
    }
    const key = `${a.status}\u0000${a.trigger}`;
    if (triggers.has(key)) err(at, `"${a.status}" already has a ${a.trigger} transition`);
    triggers.add(key);
  });

  return errors;
}
