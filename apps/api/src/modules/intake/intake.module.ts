import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module.js';
import { MailInModule } from './mail-in/mail-in.module.js';
import { MailIngestModule } from './mail-in/ingest/mail-ingest.module.js';
import { WebFormModule } from './web-form/web-form.module.js';

/** Tickets that come from outside: e-mail, the public web form, monitoring alerts. */
@Module({ imports: [MailInModule, MailIngestModule, WebFormModule, AlertsModule] })
export class IntakeModule {}
