import type { WorkflowPresetKey } from '@relaydesk/contracts';
import type { WorkflowSpec } from '../workflow-spec.js';

/** A ready-made lifecycle an admin installs as a new workflow (and may then edit). */
export interface WorkflowPreset extends WorkflowSpec {
  key: WorkflowPresetKey;
}
