import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type LoggerService,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Interval } from '@nestjs/schedule';

/** While a job keeps failing, it says so again after this many further failed ticks. */
const REPEAT_EVERY = 20;

/** What a loop's work returns: a line worth logging, or null when there was nothing to say. */
export type LoopSummary = string | null;

interface LoopState {
  inFlight: Promise<LoopSummary> | null;
  failedTicks: number;
}

/** Per object and loop name: the state lives with the instance, so two apps in one process stay apart. */
const states = new WeakMap<object, Map<string, LoopState>>();
/** Owners whose application is shutting down: none of their loops starts another tick. */
const stopped = new WeakSet<object>();

function stateOf(owner: object, name: string): LoopState {
  let byName = states.get(owner);
  if (!byName) states.set(owner, (byName = new Map()));
  let state = byName.get(name);
  if (!state) byName.set(name, (state = { inFlight: null, failedTicks: 0 }));
  return state;
}

/**
 * Runs one tick so that the job outlives any failure: the tick never rejects (no unhandled
 * rejection from the interval), never overlaps the previous one in this process, and the next
 * tick simply tries again. A database outage fails every tick the same way, so the first failure
 * is one line, then one line every REPEAT_EVERY ticks while it lasts, and one when it recovers.
 * Resolves to the work's summary, or null when it was skipped or failed.
 */
export async function runTick(
  owner: object,
  name: string,
  logger: LoggerService,
  work: () => Promise<LoopSummary>,
): Promise<LoopSummary> {
  const state = stateOf(owner, name);
  if (state.inFlight || stopped.has(owner)) return null;
  const run = (async (): Promise<LoopSummary> => {
    try {
      const summary = await work();
      if (state.failedTicks > 0) {
        logger.log(`${name} resumed after ${state.failedTicks} failed tick(s)`);
        state.failedTicks = 0;
      }
      if (summary) logger.log(summary);
      return summary;
    } catch (e) {
      state.failedTicks++;
      if (state.failedTicks % REPEAT_EVERY === 1) {
        const message = e instanceof Error ? e.message : String(e);
        const streak = state.failedTicks > 1 ? ` (${state.failedTicks} ticks in a row)` : '';
        logger.error(`${name} tick failed${streak}, will retry: ${message}`);
      }
      return null;
    }
  })();
  state.inFlight = run;
  try {
    return await run;
  } finally {
    state.inFlight = null;
  }
}

/**
 * THE way to declare a scheduled loop: `@ScheduledLoop('sla-sweep', 15_000)` on a method that
 * does one round of work and returns a summary line (or null). The method becomes a tick:
 * - the interval is @nestjs/schedule's, so it starts on application bootstrap when the
 *   scheduler is on (SCHEDULER_ENABLED; ScheduleModule is not even loaded otherwise) and is
 *   cleared on shutdown, where ScheduledLoopsShutdown also waits for a tick still running;
 * - a tick never overlaps the previous one of the same instance, and never rejects (runTick);
 * - calling the method by hand (tests, the test-support route) runs the very same tick.
 * Exclusive across API instances is the work's job, and each loop already does it in SQL:
 * due rows are claimed with FOR UPDATE SKIP LOCKED, so each action happens once however many
 * instances tick at the same moment.
 */
export function ScheduledLoop(name: string, everyMs: number) {
  return (
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<() => Promise<LoopSummary>>,
  ): TypedPropertyDescriptor<() => Promise<LoopSummary>> => {
    const work = descriptor.value;
    if (!work) throw new Error(`@ScheduledLoop(${name}) needs a method`);
    const logger = new Logger(target.constructor.name);
    const tick = function (this: object): Promise<LoopSummary> {
      return runTick(this, name, logger, () => work.call(this));
    };
    Object.defineProperty(tick, 'name', { value: String(key) });
    const wrapped = { ...descriptor, value: tick };
    Interval(name, everyMs)(target, key, wrapped);
    return wrapped;
  };
}

/**
 * On shutdown, stops every loop of this application from starting another tick and waits for
 * the ticks still running, so none of them meets a database pool that is being closed.
 */
@Injectable()
export class ScheduledLoopsShutdown implements BeforeApplicationShutdown {
  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const running: Promise<unknown>[] = [];
    for (const { instance } of this.discovery.getProviders()) {
      if (!instance || typeof instance !== 'object') continue;
      stopped.add(instance);
      for (const state of states.get(instance)?.values() ?? []) {
        if (state.inFlight) running.push(state.inFlight);
      }
    }
    await Promise.all(running);
  }
}
