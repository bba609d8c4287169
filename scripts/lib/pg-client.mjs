// One PostgreSQL connection for a few statements of set-up (create a database, change a
// password), closed whatever happens. pg is loaded when first needed, so Jest specs of code that
// imports this file need not load it.

/**
 * @template T
 * @param {string} url
 * @param {(client: import('pg').Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withPgClient(url, fn) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
