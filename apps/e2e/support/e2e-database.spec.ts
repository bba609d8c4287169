import { databaseNameOf, deriveE2eDatabase } from './e2e-database.mjs';

describe('deriveE2eDatabase', () => {
  const named = 'postgres://app:s%3Acret@db.example:5433/relaydesk?sslmode=require';

  it('is a database of its own on the same server, with the same credentials and options', () => {
    const db = deriveE2eDatabase(named, 'abc123');
    expect(db.name).toBe('relaydesk_e2e_abc123');
    expect(db.avoided).toBe('relaydesk');
    expect(db.url).toBe(
      'postgres://app:s%3Acret@db.example:5433/relaydesk_e2e_abc123?sslmode=require',
    );
    expect(databaseNameOf(db.url)).not.toBe(databaseNameOf(named));
  });

  it('creates and drops it from the maintenance database, never from the named one', () => {
    const db = deriveE2eDatabase(named, 'abc123');
    expect(db.adminUrl).toBe('postgres://app:s%3Acret@db.example:5433/postgres?sslmode=require');
  });

  it('picks a new name for each run', () => {
    const a = deriveE2eDatabase(named);
    const b = deriveE2eDatabase(named);
    expect(a.name).toMatch(/^relaydesk_e2e_[0-9a-f]{12}$/);
    expect(a.name).not.toBe(b.name);
  });

  it('refuses to hand back the database DATABASE_URL names', () => {
    expect(() =>
      deriveE2eDatabase('postgres://u:p@localhost/relaydesk_e2e_abc123', 'abc123'),
    ).toThrow(/DATABASE_URL names/);
  });

  it('takes a URL without a database name', () => {
    const db = deriveE2eDatabase('postgres://u:p@localhost:5432', 'x1');
    expect(db.avoided).toBe('');
    expect(db.url).toBe('postgres://u:p@localhost:5432/relaydesk_e2e_x1');
  });

  it('reads percent-encoded database names', () => {
    expect(databaseNameOf('postgres://u:p@h/my%20db')).toBe('my db');
  });
});
