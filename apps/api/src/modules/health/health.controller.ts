import { Controller, Get, HttpCode, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../../common/database/database-unavailable.js';
import { ServiceUnavailableError } from '../../common/errors/domain-errors.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['up'] }) database!: 'up';
}

class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class ReadinessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ enum: ['up'] }) database!: 'up';
  @ApiProperty({ enum: ['applied'] }) migrations!: 'applied';
}

/**
 * For load balancers and orchestrators. Liveness never touches the database, so an outage of the
 * database does not get healthy API processes restarted; readiness takes an instance out of
 * rotation while it cannot serve (database away, or the schema behind this code's migrations).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(private readonly db: DataSource) {}

  @Public()
  @Get()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Database check (kept for compatibility): 200 when the database answers',
    description: 'Prefer `/api/health/live` and `/api/health/ready`.',
  })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblems(503)
  async check(): Promise<HealthDto> {
    try {
      await this.db.query('SELECT 1');
    } catch (error) {
      throw this.unavailable(error, 'The database does not answer');
    }
    return { status: 'ok', database: 'up' };
  }

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Liveness: 200 while the process answers HTTP',
    description:
      'Does not touch the database: restart the process only when this fails, never because the database is away.',
  })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Readiness: 200 when the database answers and every migration is applied',
    description:
      'Send traffic to this instance only while this answers 200; 503 (problem+json, Retry-After) otherwise.',
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblems(503)
  async ready(): Promise<ReadinessDto> {
    let applied: Set<string>;
    try {
      const rows = (await this.db.query('SELECT name FROM migrations')) as { name: string }[];
      applied = new Set(rows.map((r) => r.name));
    } catch (error) {
      throw this.unavailable(error, 'The database does not answer or has no migrations table');
    }
    const pending = this.db.migrations
      .map((m) => m.name ?? m.constructor.name)
      .filter((name) => !applied.has(name));
    if (pending.length > 0) {
      throw new ServiceUnavailableError(
        `${pending.length} migration(s) not applied yet`,
        DATABASE_RETRY_AFTER_SECONDS,
      );
    }
    return { status: 'ok', database: 'up', migrations: 'applied' };
  }

  private unavailable(error: unknown, detail: string): ServiceUnavailableError {
    // An outage is expected and reported once elsewhere; anything else here is worth a line.
    if (!isDatabaseUnavailable(error)) {
      this.logger.warn(`health check failed: ${error instanceof Error ? error.message : error}`);
    }
    return new ServiceUnavailableError(detail, DATABASE_RETRY_AFTER_SECONDS);
  }
}
