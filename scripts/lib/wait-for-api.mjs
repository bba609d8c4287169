// Waits for an API process started by a script (browser tests, Lighthouse) to answer its health
// check, and fails at once when the process exits instead.

/**
 * @param {import('node:child_process').ChildProcess} api
 * @param {string} baseUrl e.g. http://127.0.0.1:3000
 * @param {number} [timeoutMs]
 */
export async function waitForHealth(api, baseUrl, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`the API did not start within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
