import { Clock } from '../../common/time/clock.js';

/**
 * The system clock plus an offset a test sets over HTTP (PUT /api/test/clock). Only used when
 * RELAYDESK_TEST_ROUTES is on: several API processes cannot share the in-process FakeClock the
 * integration tests use, but each can be moved by the same amount.
 */
export class OffsetClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}
