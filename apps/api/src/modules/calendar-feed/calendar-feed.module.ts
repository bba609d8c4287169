import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { MeCalendarFeedController } from './me-calendar-feed.controller.js';
import { PublicCalendarFeedsController } from './public-calendar-feeds.controller.js';

/** PayDox's calendar: a private, revocable iCalendar feed of each user's tickets by due date. */
@Module({
  imports: [AuthModule],
  controllers: [MeCalendarFeedController, PublicCalendarFeedsController],
  providers: [CalendarFeedService],
})
export class CalendarFeedModule {}
