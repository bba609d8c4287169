import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { OffsetClock } from './offset-clock.js';

/** Ten years either way: enough for any test, small enough to stay a valid Date. */
const MAX_OFFSET_MS = 10 * 365 * 86_400_000;

/** What @nestjs/schedule's @Interval(name, ms) stores on the method (schedule.constants.js). */
const INTERVAL_OPTIONS = 'SCHEDULE_INTERVAL_OPTIONS';
const SCHEDULER_NAME = 'SCHEDULER_NAME';

interface ClockState {
  now: string;
  offsetMs: number;
}

/**
 * What the multi-process cluster test (apps/api/test/cluster.e2e-spec.ts) needs and an in-process
 * test gets by holding the app: move this instance's clock, and run its scheduled work now instead
 * of waiting up to 30 s for the next interval. The jobs run through the very methods the
 * intervals call (every @Interval of the app, found by metadata, so a new job is included without
 * a change here), so instances called at once race exactly as their timers would. Mounted only
 * with RELAYDESK_TEST_ROUTES=true, which the config refuses in production; no login, like the
 * bench route.
 */
@ApiExcludeController()
@Controller('test')
export class TestSupportController {
  constructor(
    private readonly clock: Clock,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  @Public()
  @Get('clock')
  current(): ClockState {
    return { now: this.clock.now().toISOString(), offsetMs: this.offsetClock().offset };
  }

  /** `{ offsetMs }`: this instance's "now" becomes the system time plus the offset. */
  @Public()
  @Put('clock')
  setOffset(@Body() body: unknown): ClockState {
    const offsetMs = (body as { offsetMs?: unknown } | null)?.offsetMs;
    if (
      typeof offsetMs !== 'number' ||
      !Number.isInteger(offsetMs) ||
      Math.abs(offsetMs) > MAX_OFFSET_MS
    ) {
      throw new InvalidInputError('offsetMs must be an integer number of milliseconds', [
        {
          field: 'offsetMs',
          message: `must be an integer from -${MAX_OFFSET_MS} to ${MAX_OFFSET_MS}`,
        },
      ]);
    }
    this.offsetClock().setOffset(offsetMs);
    return this.current();
  }

  /**
   * Runs one tick of every interval job of this instance, one job after the other (the timers and
   * the SLA sweep both claim ticket rows with SKIP LOCKED: run together they would skip each
   * other's tickets), and names the jobs. A tick already running here is not doubled (the jobs
   * are @ScheduledLoop ticks); a failing one logs and is tried again on the next call, as on its
   * interval.
   */
  @Public()
  @Post('scheduled-work')
  @HttpCode(200)
  async runScheduledWork(): Promise<{ jobs: string[] }> {
    const jobs: string[] = [];
    for (const { instance } of this.discovery.getProviders()) {
      if (!instance || typeof instance !== 'object') continue;
      const target = instance as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(target))) {
        const fn = target[method];
        if (typeof fn !== 'function' || !Reflect.getMetadata(INTERVAL_OPTIONS, fn)) continue;
        await (fn as () => Promise<void>).call(target);
        jobs.push(String(Reflect.getMetadata(SCHEDULER_NAME, fn) ?? method));
      }
    }
    return { jobs: jobs.sort() };
  }

  private offsetClock(): OffsetClock {
    if (!(this.clock instanceof OffsetClock)) {
      throw new Error('RELAYDESK_TEST_ROUTES is on but the clock is not an OffsetClock');
    }
    return this.clock;
  }
}
