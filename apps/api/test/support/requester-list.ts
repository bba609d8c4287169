import type { TestApp } from './test-app';

/**
 * Sets an organization's authorized requesters (issue 18) through the API, as staff do: the
 * channels' refusal tests use it, so they also check the list they rely on is accepted.
 */
export async function setRequesterList(
  t: TestApp,
  organizationId: string,
  enabled: boolean,
  requesters: { userId: string; contractId?: string | null }[],
): Promise<void> {
  const dispatcher = await t.factory.user({ role: 'dispatcher' });
  const auth = `Bearer ${await t.tokenFor(dispatcher.id)}`;
  const url = `/api/v1/authorized-requesters/${organizationId}`;
  const current = await t.http().get(url).set('Authorization', auth);
  if (current.status !== 200) throw new Error(`GET ${url}: ${current.status}`);
  const saved = await t
    .http()
    .put(url)
    .set('Authorization', auth)
    .send({ enabled, requesters, version: current.body.version });
  if (saved.status !== 200) {
    throw new Error(`PUT ${url}: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
}

/** A contract of the organization, straight into its table (the registers' API is tested apart). */
export async function insertContract(
  t: TestApp,
  organizationId: string,
  number: string,
): Promise<{ id: string }> {
  const [row] = (await t.db.query(
    `INSERT INTO contracts (organization_id, number, title, status) VALUES ($1, $2, $2, 'active')
     RETURNING id`,
    [organizationId, number],
  )) as { id: string }[];
  return row;
}
