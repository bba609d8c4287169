import { Module } from '@nestjs/common';

/** E-mail and SMS out: the outbox workers, the mail transport, headers and threading (issue 14). */
@Module({})
export class DeliveryModule {}
