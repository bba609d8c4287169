// Each Jest worker of the browser run has a server of its own (support/global-setup.mjs starts
// one per worker and names worker n's under RELAYDESK_E2E_*_<n>). Run before each test file
// (the e2e project's setupFiles), this points the plain names the files and support code read
// at the server of the worker the file runs in, so the files need not know about workers.

/** The environment that describes one server (the global setup sets each). */
export const SERVER_ENV = [
  'RELAYDESK_E2E_BASE_URL',
  'RELAYDESK_E2E_DATABASE_URL',
  'RELAYDESK_E2E_DATABASE_NAME',
  'RELAYDESK_E2E_DATA_DIR',
];

export const serverEnvName = (name, worker) => `${name}_${worker}`;

/** Points the plain names at worker `worker`'s server; false when there is none for it. */
export function useWorkerServer(env, worker) {
  if (!env[serverEnvName(SERVER_ENV[0], worker)]) return false;
  for (const name of SERVER_ENV) env[name] = env[serverEnvName(name, worker)];
  return true;
}

// Jest numbers its workers from 1; a run in band is worker 1.
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
if (process.env.RELAYDESK_E2E_BASE_URL_1 && !useWorkerServer(process.env, worker)) {
  throw new Error(`no browser-test server for Jest worker ${worker}: see support/global-setup.mjs`);
}
