import type { WorkflowPresetKey } from '@relaydesk/contracts';
import { HAPPYDESK_PRESET } from './happydesk.preset.js';
import { OKDESK_PRESET } from './okdesk.preset.js';
import { PYTHAGORAS_PRESET } from './pythagoras.preset.js';
import type { WorkflowPreset } from './workflow-preset.js';

export const WORKFLOW_PRESETS: Record<WorkflowPresetKey, WorkflowPreset> = {
  okdesk: OKDESK_PRESET,
  happydesk: HAPPYDESK_PRESET,
  pythagoras: PYTHAGORAS_PRESET,
};

export function findWorkflowPreset(key: string): WorkflowPreset | undefined {
  return Object.hasOwn(WORKFLOW_PRESETS, key)
    ? WORKFLOW_PRESETS[key as WorkflowPresetKey]
    : undefined;
}
