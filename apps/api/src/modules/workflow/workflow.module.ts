import { Module } from '@nestjs/common';
import { WorkflowAdminService } from './workflow-admin.service.js';
import { WorkflowPresetsController } from './workflow-presets.controller.js';
import { WorkflowController } from './workflow.controller.js';
import { WorkflowService } from './workflow.service.js';

@Module({
  // Presets first: its fixed path must win over WorkflowController's `:id`.
  controllers: [WorkflowPresetsController, WorkflowController],
  providers: [WorkflowService, WorkflowAdminService],
  exports: [WorkflowService],
})
export class WorkflowModule {}
