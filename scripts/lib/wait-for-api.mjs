// Waits for an API process started by a script (browser tests, Lighthouse) to answer its health
// check, and fails at once when the process exits instead.

/**
 * @param {import('node:child_process').ChildProcess} api
 * @param {string} baseUrl e.g. http://127.0.0.1:3000
 */
export async function waitForHealth(api, baseUrl) {
  const started = Date.now();
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 60_000) throw new Error('the API did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}
