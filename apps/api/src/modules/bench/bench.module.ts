import { Module } from '@nestjs/common';

/** Routes that exist only for `npm run bench` (RELAYDESK_BENCH_ROUTES=true). */
@Module({})
export class BenchModule {}
