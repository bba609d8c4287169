import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller.js';

/** Routes that exist only for `npm run bench` (RELAYDESK_BENCH_ROUTES=true). */
@Module({ controllers: [BenchController] })
export class BenchModule {}
