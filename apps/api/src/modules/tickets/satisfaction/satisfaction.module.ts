import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { WorkflowModule } from '../../workflow/index.js';
import { TicketsModule } from '../tickets.module.js';
import { formBodyMiddleware } from './form-body.middleware.js';
import { LinkRatingsService } from './link-ratings.service.js';
import { PublicRatingsController } from './public-ratings.controller.js';
import { RatingLinkService } from './rating-link.service.js';
import { TicketAcceptanceService } from './ticket-acceptance.service.js';
import { TicketSatisfactionController } from './ticket-satisfaction.controller.js';

/**
 * Acceptance of a resolution and satisfaction ratings: from the portal (accept/reject) and
 * through signed links that need no login. Reports over the ratings live in the reports module.
 */
@Module({
  imports: [TicketsModule, WorkflowModule],
  controllers: [TicketSatisfactionController, PublicRatingsController],
  providers: [TicketAcceptanceService, LinkRatingsService, RatingLinkService],
  exports: [RatingLinkService],
})
export class SatisfactionModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(formBodyMiddleware)
      .forRoutes({ path: 'v1/public/ratings/:token', method: RequestMethod.POST });
  }
}
