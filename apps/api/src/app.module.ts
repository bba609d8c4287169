import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { Clock, SystemClock } from './common/time/clock.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DirectoryModule } from './modules/directory/directory.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { TicketsModule } from './modules/tickets/tickets.module.js';
import { AttachmentsModule } from './modules/tickets/attachments/attachments.module.js';
import { SatisfactionModule } from './modules/tickets/satisfaction/satisfaction.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { BenchModule } from './modules/bench/bench.module.js';
import { WorkflowModule } from './modules/workflow/workflow.module.js';
import { TicketEscalationModule } from './modules/assignment/ticket-escalation.module.js';
import { DeputiesModule } from './modules/deputies/deputies.module.js';
import { CalendarFeedModule } from './modules/calendar-feed/calendar-feed.module.js';
import { SlaModule } from './modules/sla/sla.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a clock they can move. */
  clock?: Clock;
}

/** Config and clock, available to every module without importing anything. */
@Global()
@Module({})
class CoreModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock ?? new SystemClock() },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        TypeOrmModule.forRoot(
          dataSourceOptions(
            options.config.databaseUrl,
            options.config.databasePoolSize,
            options.config.databaseConnectTimeoutMs,
          ),
        ),
        ...(options.config.schedulerEnabled ? [ScheduleModule.forRoot()] : []),
        AuthModule,
        DirectoryModule,
        WorkflowModule,
        TicketsModule,
        AttachmentsModule,
        SatisfactionModule,
        ReportsModule,
        TicketEscalationModule,
        DeputiesModule,
        CalendarFeedModule,
        SlaModule,
        NotificationsModule,
        HealthModule,
        ...(options.config.benchRoutes ? [BenchModule] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
