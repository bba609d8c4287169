import { Module } from '@nestjs/common';

/** The public web form: a request by e-mail address and question, confirmed by an e-mailed link for unknown senders. */
@Module({})
export class WebFormModule {}
