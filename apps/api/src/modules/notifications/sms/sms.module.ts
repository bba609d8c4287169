import { Module } from '@nestjs/common';

/** The SMS gateway drivers (issue 14). */
@Module({})
export class SmsModule {}
