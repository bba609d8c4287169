import { rmSync } from 'node:fs';
import { stopServer } from './global-setup.mjs';

export default async function globalTeardown() {
  const state = globalThis.__RELAYDESK_E2E__;
  if (!state) return;
  if (state.browser) await state.browser.close();
  await Promise.all(state.servers.map(stopServer));
  for (const server of state.servers) {
    if (server.pgDir) rmSync(server.pgDir, { recursive: true, force: true });
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
