import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/index.js';
import { BenchController } from './bench.controller.js';

/** Routes that exist only for `npm run bench` (RELAYDESK_BENCH_ROUTES=true). */
@Module({ imports: [NotificationsModule], controllers: [BenchController] })
export class BenchModule {}
