import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { CONFIG_NAMESPACES, configProviders } from './config/config-namespaces.js';
import { AppLogger, createRootLogger, loggingModule } from './common/logging/logger.js';
import { RateLimitModule } from './common/http/throttling/rate-limit.module.js';
import { ScheduledLoopsShutdown } from './common/scheduling/scheduled-loop.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { Clock, SystemClock } from './common/time/clock.js';
import { AuthModule, AuthUserLoader } from './modules/auth/index.js';
import { AuthUserSource } from './common/auth/auth-user-source.js';
import { DirectoryModule } from './modules/directory/index.js';
import { HealthModule } from './modules/health/index.js';
import { AttachmentsModule, SatisfactionModule, TicketsModule } from './modules/tickets/index.js';
import { ReportsModule } from './modules/reports/index.js';
import { BenchModule } from './modules/bench/index.js';
import { WorkflowModule } from './modules/workflow/index.js';
import { DeputiesModule } from './modules/deputies/index.js';
import { CalendarFeedModule } from './modules/calendar-feed/index.js';
import { SlaModule } from './modules/sla/index.js';
import { NotificationsModule } from './modules/notifications/index.js';
import { IntakeModule } from './modules/intake/index.js';
import { WebhooksModule } from './modules/webhooks/index.js';
import { CannedResponsesModule } from './modules/canned-responses/index.js';
import { KnowledgeBaseModule } from './modules/knowledge-base/index.js';
import { ContractsModule } from './modules/contracts/index.js';
import { WorkLogModule } from './modules/work-log/index.js';
import { ContractDocumentsModule } from './modules/contract-documents/index.js';
import { RegisterImportModule } from './modules/register-import/index.js';
import { ServiceProtocolModule } from './modules/service-protocol/index.js';
import { InstallationModule } from './modules/installation/index.js';
import { DomainEventsModule } from './common/events/domain-events.js';
import { OffsetClock, TestSupportModule } from './modules/test-support/index.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a clock they can move. */
  clock?: Clock;
  /** Where logs go (tests read them); JSON lines on stdout at LOG_LEVEL otherwise. */
  logger?: Logger;
}

/**
 * Config (one provider per namespace, config-namespaces.ts: a module injects the settings it
 * needs, never the whole), clock, Nest's logger and the scheduled loops' shutdown, available to
 * every module without importing anything.
 */
@Global()
@Module({ imports: [DiscoveryModule] })
class CoreModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        ...configProviders(config),
        AppLogger,
        ScheduledLoopsShutdown,
        {
          provide: Clock,
          // The cluster test moves every instance's clock over HTTP (modules/test-support).
          useValue: clock ?? (config.testRoutes ? new OffsetClock() : new SystemClock()),
        },
      ],
      exports: [Clock, AppLogger, ...CONFIG_NAMESPACES.map((ns) => ns.token)],
    };
  }
}

/**
 * The auth module's loader as `AuthUserSource`, for any module: the live stream (notifications)
 * re-reads its users with it, and notifications may not import auth (auth sends account mails
 * through notifications).
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [{ provide: AuthUserSource, useExisting: AuthUserLoader }],
  exports: [AuthUserSource],
})
class AuthUserSourceModule {}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        loggingModule(options.logger ?? createRootLogger(options.config.logLevel)),
        RateLimitModule,
        TypeOrmModule.forRoot(
          dataSourceOptions(
            options.config.databaseUrl,
            options.config.databasePoolSize,
            options.config.databaseConnectTimeoutMs,
          ),
        ),
        ...(options.config.schedulerEnabled ? [ScheduleModule.forRoot()] : []),
        DomainEventsModule,
        AuthModule,
        AuthUserSourceModule,
        DirectoryModule,
        WorkflowModule,
        TicketsModule,
        AttachmentsModule,
        SatisfactionModule,
        ReportsModule,
        DeputiesModule,
        CalendarFeedModule,
        SlaModule,
        NotificationsModule,
        IntakeModule,
        WebhooksModule,
        CannedResponsesModule,
        KnowledgeBaseModule,
        ContractsModule,
        WorkLogModule,
        ContractDocumentsModule,
        RegisterImportModule,
        ServiceProtocolModule,
        InstallationModule,
        HealthModule,
        ...(options.config.benchRoutes ? [BenchModule] : []),
        ...(options.config.testRoutes ? [TestSupportModule] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
