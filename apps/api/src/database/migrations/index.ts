import { Initial1764000000000 } from './1764000000000-initial.js';
import { QueueIndexes1764100000000 } from './1764100000000-queue-indexes.js';
import { WorkflowEngine1764200000000 } from './1764200000000-workflow-engine.js';
import { ProjectNameIndex1764250000000 } from './1764250000000-project-name-index.js';

/** Migrations in order. Listed explicitly so the same list works compiled and under Jest. */
export const MIGRATIONS = [
  Initial1764000000000,
  QueueIndexes1764100000000,
  WorkflowEngine1764200000000,
  ProjectNameIndex1764250000000,
];
