import { Module } from '@nestjs/common';
import { SatisfactionModule } from '../../tickets/index.js';
import { SmsModule } from '../sms/sms.module.js';
import { EventNotices } from './event-notices.js';
import { FanOutWriter } from './fan-out-writer.js';
import { FanOutWorker } from './fan-out.worker.js';

/**
 * Domain events to notifications: consumes event_log after the commit, decides who is told of
 * what (EventNotices), filters them and writes their in-app notifications and deliveries
 * (FanOutWriter), batch by batch (FanOutWorker).
 */
@Module({
  imports: [SatisfactionModule, SmsModule],
  providers: [EventNotices, FanOutWriter, FanOutWorker],
  exports: [FanOutWorker],
})
export class FanOutModule {}
