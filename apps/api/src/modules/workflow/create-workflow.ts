import type { EntityManager } from 'typeorm';
import { BusinessRuleError, ConflictError } from '../../common/errors/domain-errors.js';
import { insertWorkflow, workflowKeyTaken } from './workflow-definition.repository.js';
import type { WorkflowSpec } from './workflow-spec.js';
import { validateWorkflowSpec } from './workflow-spec.validator.js';

/**
 * Validates and stores a new workflow in the caller's transaction; returns its id. Shared by the
 * API (create, install a preset) and the demo seed, which has no Nest container.
 */
export async function createWorkflow(
  em: EntityManager,
  spec: WorkflowSpec,
  now: Date,
): Promise<string> {
  const errors = validateWorkflowSpec(spec);
  if (errors.length) throw new BusinessRuleError('The workflow is not valid', errors);
  if (await workflowKeyTaken(em, spec.key)) {
    throw new ConflictError(`A workflow with the key "${spec.key}" already exists`, {
      key: spec.key,
    });
  }
  return insertWorkflow(em, spec, now);
}
