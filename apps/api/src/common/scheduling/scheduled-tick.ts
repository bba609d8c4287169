import type { Logger } from '@nestjs/common';

/** While a job keeps failing, it says so again after this many further failed ticks. */
const REPEAT_EVERY = 20;

/**
 * Runs one tick of a scheduled job so that the job outlives any failure: the tick never rejects
 * (no unhandled rejection from the interval), never overlaps the previous one, and the next tick
 * simply tries again. A database outage fails every tick the same way, so the first failure is
 * one line, then one line every REPEAT_EVERY ticks while it lasts, and one when the job recovers.
 */
export class ScheduledTick {
  private running = false;
  private failedTicks = 0;

  constructor(
    private readonly logger: Logger,
    private readonly job: string,
  ) {}

  /** Runs `work` unless the previous tick is still busy; `work` returns a line worth logging, if any. */
  async run(work: () => Promise<string | null>): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const summary = await work();
      if (this.failedTicks > 0) {
        this.logger.log(`${this.job} resumed after ${this.failedTicks} failed tick(s)`);
        this.failedTicks = 0;
      }
      if (summary) this.logger.log(summary);
    } catch (e) {
      this.failedTicks++;
      if (this.failedTicks % REPEAT_EVERY === 1) {
        const message = e instanceof Error ? e.message : String(e);
        const streak = this.failedTicks > 1 ? ` (${this.failedTicks} ticks in a row)` : '';
        this.logger.error(`${this.job} tick failed${streak}, will retry: ${message}`);
      }
    } finally {
      this.running = false;
    }
  }
}
