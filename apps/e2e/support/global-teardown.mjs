import { rmSync } from 'node:fs';
import { dropE2eDatabase } from './e2e-database.mjs';

export default async function globalTeardown() {
  const state = globalThis.__RELAYDESK_E2E__;
  if (!state) return;
  if (state.browser) await state.browser.close();
  if (state.api.exitCode === null) {
    const exited = new Promise((r) => state.api.once('exit', r));
    state.api.kill('SIGTERM');
    await exited;
  }
  if (state.ownDatabase) await dropE2eDatabase(state.ownDatabase);
  if (state.pg) await state.pg.stop();
  if (state.pgDir) rmSync(state.pgDir, { recursive: true, force: true });
  rmSync(state.dataDir, { recursive: true, force: true });
}
