import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { DeputyExpiryService } from './deputy-expiry.service.js';
import { DeputyshipNotifier } from './deputyship-notifier.js';
import { DeputyshipsService } from './deputyships.service.js';
import { MeDeputiesController } from './me-deputies.controller.js';
import { UserDeputiesController } from './user-deputies.controller.js';

/**
 * CDESK deputies: a staff member names a colleague who, for a period, sees and works their
 * tickets, with every action recorded on their behalf. The rule itself lives where every request
 * passes: AuthUser.deputyForIds (auth-user.loader), ticket-visibility.ts, WorkflowService.actorFor
 * and recordTicketEvents; this module names, lists and ends deputyships and records their start and end
 * (DeputyshipStarted / DeputyshipEnded events, which the notifications module listens to).
 */
@Module({
  controllers: [MeDeputiesController, UserDeputiesController],
  providers: [IdempotencyInterceptor, DeputyshipsService, DeputyshipNotifier, DeputyExpiryService],
})
export class DeputiesModule {}
