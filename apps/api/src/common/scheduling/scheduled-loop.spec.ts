import { Logger, type LoggerService } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import { runTick, ScheduledLoop, ScheduledLoopsShutdown, type LoopSummary } from './scheduled-loop';

function recordingLogger() {
  const lines: string[] = [];
  const logger: LoggerService = {
    log: (m: unknown) => lines.push(`log ${String(m)}`),
    error: (m: unknown) => lines.push(`error ${String(m)}`),
    warn: (m: unknown) => lines.push(`warn ${String(m)}`),
  };
  return { lines, logger };
}

describe('runTick', () => {
  it('never overlaps a tick of the same owner and loop; another owner runs on its own', async () => {
    const { logger } = recordingLogger();
    const owner = {};
    let release!: () => void;
    let runs = 0;
    const slow = () => {
      runs++;
      return new Promise<LoopSummary>((r) => (release = () => r('done')));
    };
    const first = runTick(owner, 'job', logger, slow);
    await expect(runTick(owner, 'job', logger, slow)).resolves.toBeNull();
    expect(runs).toBe(1);
    const other = runTick({}, 'job', logger, () => Promise.resolve('other'));
    await expect(other).resolves.toBe('other');
    release();
    await expect(first).resolves.toBe('done');
    // Once the first is over, the next tick runs.
    await expect(runTick(owner, 'job', logger, () => Promise.resolve(null))).resolves.toBeNull();
    expect(runs).toBe(1);
  });

  it('never rejects; says so on the first failure, every 20th after it, and on recovery', async () => {
    const { lines, logger } = recordingLogger();
    const owner = {};
    const fail = () => Promise.reject(new Error('database is away'));
    for (let i = 0; i < 21; i++)
      await expect(runTick(owner, 'job', logger, fail)).resolves.toBeNull();
    await runTick(owner, 'job', logger, () => Promise.resolve('moved 2 tickets'));
    expect(lines).toEqual([
      'error job tick failed, will retry: database is away',
      'error job tick failed (21 ticks in a row), will retry: database is away',
      'log job resumed after 21 failed tick(s)',
      'log moved 2 tickets',
    ]);
  });
});

describe('@ScheduledLoop', () => {
  beforeAll(() => Logger.overrideLogger(false));
  class Job {
    calls = 0;
    @ScheduledLoop('test-job', 1_000)
    async tick(): Promise<LoopSummary> {
      this.calls++;
      if (this.calls === 1) throw new Error('first round fails');
      return null;
    }
  }

  it('turns the method into a tick with @nestjs/schedule interval metadata', async () => {
    const job = new Job();
    await expect(job.tick()).resolves.toBeNull();
    await expect(job.tick()).resolves.toBeNull();
    expect(job.calls).toBe(2);
    expect(Reflect.getMetadata('SCHEDULE_INTERVAL_OPTIONS', Job.prototype.tick)).toEqual({
      timeout: 1_000,
    });
    expect(Reflect.getMetadata('SCHEDULER_NAME', Job.prototype.tick)).toBe('test-job');
  });
});

describe('ScheduledLoopsShutdown', () => {
  it('waits for a running tick, and no tick starts after it', async () => {
    const { logger } = recordingLogger();
    const job = {};
    let release!: () => void;
    let finished = false;
    const running = runTick(job, 'job', logger, async () => {
      await new Promise<void>((r) => (release = r));
      finished = true;
      return null;
    });
    const discovery = { getProviders: () => [{ instance: job }] } as unknown as DiscoveryService;
    const shutdown = new ScheduledLoopsShutdown(discovery).beforeApplicationShutdown();
    let shutDown = false;
    void shutdown.then(() => (shutDown = true));
    await Promise.resolve();
    expect(shutDown).toBe(false);
    release();
    await shutdown;
    expect(finished).toBe(true);
    await running;
    // Neither this loop nor another of the same provider that had not ticked yet.
    let ranAgain = 0;
    for (const name of ['job', 'other-job']) {
      await runTick(job, name, logger, () => {
        ranAgain++;
        return Promise.resolve(null);
      });
    }
    expect(ranAgain).toBe(0);
  });
});
