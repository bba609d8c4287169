import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../tickets/index.js';
import { RegisterImportExpiry } from './dry-run-expiry.js';
import { RegisterImportWorker } from './import-worker.js';
import { RegisterExportService } from './register-export.service.js';
import { RegisterImportController } from './register-import.controller.js';
import { RegisterImportService } from './register-import.service.js';

/**
 * CSV import and export of the registers (issue 18): organizations, contacts, service objects,
 * equipment. See docs/contracts.md, "Import and export".
 */
@Module({
  imports: [AttachmentsModule],
  controllers: [RegisterImportController],
  providers: [
    RegisterImportService,
    RegisterExportService,
    RegisterImportWorker,
    RegisterImportExpiry,
  ],
})
export class RegisterImportModule {}
