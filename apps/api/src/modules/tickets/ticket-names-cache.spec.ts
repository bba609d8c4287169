import type { NameRow } from './ticket-query.sql.js';
import { TicketNamesCache } from './ticket-names-cache.js';

const user = (id: string, name: string): NameRow => ({ k: 'u', id, x: null, name });

describe('TicketNamesCache', () => {
  it('keeps names read under the counter it holds, and empties itself when the counter moves', () => {
    const cache = new TicketNamesCache();
    cache.sync('1');
    cache.add([user('a', 'Ada')], [], '1');
    expect(cache.get('u', 'a')?.name).toBe('Ada');
    cache.sync('1');
    expect(cache.has('u', 'a')).toBe(true);
    cache.sync('2');
    expect(cache.has('u', 'a')).toBe(false);
  });

  it('does not keep names of a page whose counter another page has since replaced', () => {
    // Page A read counter 1; a rename committed; page B read counter 2 and synced; A's names
    // (perhaps read before the rename) arrive last and must not be kept under counter 2.
    const cache = new TicketNamesCache();
    cache.sync('1');
    cache.sync('2');
    cache.add([user('a', 'Old name')], [], '1');
    expect(cache.has('u', 'a')).toBe(false);
    cache.add([user('a', 'New name')], [], '2');
    expect(cache.get('u', 'a')?.name).toBe('New name');
  });

  it('keeps nothing without a counter', () => {
    const cache = new TicketNamesCache();
    cache.sync(null);
    cache.add([user('a', 'Ada')], [], null);
    expect(cache.has('u', 'a')).toBe(false);
  });

  it('holds a workflow as complete only once asked for, with the statuses found', () => {
    const cache = new TicketNamesCache();
    cache.sync('1');
    cache.add([{ k: 'w', id: 'wf', x: 'open', name: { en: 'Open' } }], ['wf'], '1');
    expect(cache.statusesOf('wf')?.get('open')?.name).toEqual({ en: 'Open' });
    expect(cache.statusesOf('other')).toBeUndefined();
  });
});
