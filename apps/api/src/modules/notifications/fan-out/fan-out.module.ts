import { Module } from '@nestjs/common';

/** Domain events to notifications: the event log consumer, recipients, preferences, in-app rows and deliveries (issue 14). */
@Module({})
export class FanOutModule {}
