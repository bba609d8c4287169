import { Module } from '@nestjs/common';

/** Live updates: the per-user Server-Sent Events stream over LISTEN/NOTIFY (issue 14). */
@Module({})
export class LiveModule {}
