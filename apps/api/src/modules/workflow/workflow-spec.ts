import type { TranslatedText } from '@relaydesk/contracts';
import type {
  WorkflowAutoTransitionDto,
  WorkflowStatusDto,
  WorkflowTransitionDto,
} from './dto/workflow.dto.js';

/**
 * A whole workflow as an admin writes it and as GET returns it (less id and version): what
 * presets are made of, what create and replace take once defaults are filled in, and what the
 * validator checks. List order is meaningful for statuses and transitions (their `position`).
 */
export interface WorkflowSpec {
  key: string;
  name: TranslatedText;
  statuses: WorkflowStatusDto[];
  transitions: WorkflowTransitionDto[];
  autoTransitions: WorkflowAutoTransitionDto[];
}

/** Status and workflow keys: stable identifiers stored on tickets and in history. */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
