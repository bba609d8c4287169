import type { Role } from '@relaydesk/contracts';
import type { WorkflowStatusDto, WorkflowTransitionDto } from '../dto/workflow.dto.js';

export const STAFF: Role[] = ['admin', 'dispatcher', 'agent'];

/** A status with every flag off unless given: presets then read as what makes each one special. */
export function status(
  s: Pick<WorkflowStatusDto, 'key' | 'name' | 'category'> & Partial<WorkflowStatusDto>,
): WorkflowStatusDto {
  return {
    isInitial: false,
    isFinal: false,
    pausesSla: false,
    postponeMaxDays: null,
    readOnly: false,
    ...s,
  };
}

export function transition(
  from: string,
  to: string,
  t: Partial<Omit<WorkflowTransitionDto, 'from' | 'to'>> = {},
): WorkflowTransitionDto {
  return {
    from,
    to,
    allowedRoles: STAFF,
    allowRequester: false,
    allowAssignee: false,
    requiresPostpone: false,
    commentRequired: false,
    requiredFields: [],
    requiresDuplicateOf: false,
    ...t,
  };
}
