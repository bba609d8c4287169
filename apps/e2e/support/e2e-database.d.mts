export interface E2eDatabase {
  name: string;
  url: string;
  adminUrl: string;
  /** The database DATABASE_URL names, which the run must not use. */
  avoided: string;
}
export function databaseNameOf(url: string): string;
export function deriveE2eDatabase(databaseUrl: string, token?: string): E2eDatabase;
export function createE2eDatabase(db: E2eDatabase): Promise<unknown>;
export function dropE2eDatabase(db: E2eDatabase): Promise<unknown>;
