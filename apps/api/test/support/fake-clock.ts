import { Clock } from '../../src/common/time/clock';

/** A clock the test moves by hand: time passes only when the test says so. */
export class FakeClock extends Clock {
  private current: Date;
  constructor(start: Date | string = '2026-03-02T09:00:00Z') {
    super();
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
