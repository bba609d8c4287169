import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent } from './domain-events';

class Filed implements DomainEvent {
  static readonly eventName = 'test.filed';
  readonly at = new Date(0);
  constructor(
    readonly id: string,
    readonly byClient: boolean,
  ) {}
}

const em = {} as EntityManager;

describe('DomainEvents: listeners that act on some events only', () => {
  it('listens() with facts asks the guards; the listener runs for the events it wants', async () => {
    const events = new DomainEvents();
    expect(events.listens(Filed)).toBe(false);
    const seen: string[] = [];
    events.on(
      Filed,
      async (e) => {
        seen.push(e.id);
      },
      (facts) => facts.byClient === true,
    );
    expect(events.listens(Filed)).toBe(true);
    expect(events.listens(Filed, { byClient: false })).toBe(false);
    expect(events.listens(Filed, { byClient: true })).toBe(true);
    await events.runListeners(em, new Filed('a', false), new Filed('b', true));
    expect(seen).toEqual(['b']);
  });

  it('a listener without a guard listens for every event', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on(Filed, async (e) => {
      seen.push(e.id);
    });
    events.on(
      Filed,
      async () => undefined,
      () => false,
    );
    expect(events.listens(Filed, { byClient: false })).toBe(true);
    await events.runListeners(em, new Filed('a', false));
    expect(seen).toEqual(['a']);
  });
});
