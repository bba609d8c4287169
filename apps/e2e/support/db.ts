import { Client } from 'pg';

/**
 * The product's database, for the few things a browser test cannot wait for in real time (e.g.
 * moving an SLA deadline into the past so the next sweep records the breach). The global setup
 * exports its connection URL; use it for such clock moves only, never to make up data the UI or
 * the API can create.
 */
export async function sql<T = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const url = process.env.RELAYDESK_E2E_DATABASE_URL;
  if (!url) throw new Error('RELAYDESK_E2E_DATABASE_URL is not set (see support/global-setup.mjs)');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
