import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { CannedResponsesController } from './canned-responses.controller.js';
import { CannedResponsesService } from './canned-responses.service.js';
import { TicketCannedResponsesController } from './ticket-canned-responses.controller.js';
import { TicketCannedResponsesService } from './ticket-canned-responses.service.js';

/**
 * Canned responses (issue 17): reply templates, personal, per group or global, per language,
 * with placeholders filled from the ticket when the composer inserts one. It reads tickets
 * through the tickets module's visibility rule and writes only its own table.
 */
@Module({
  controllers: [CannedResponsesController, TicketCannedResponsesController],
  providers: [IdempotencyInterceptor, CannedResponsesService, TicketCannedResponsesService],
})
export class CannedResponsesModule {}
