import type { EntityManager } from 'typeorm';

/** The NOTIFY channel that wakes every instance's delivery worker. */
export const DELIVERIES_CHANNEL = 'relaydesk_deliveries';

/**
 * Call in the transaction that inserted deliveries rows: PostgreSQL delivers the NOTIFY on
 * commit (and never for a rollback), so the workers of every instance send at once instead of
 * at their next tick. Several calls in one transaction fold into one notification.
 */
export async function wakeDeliveryWorkers(em: EntityManager): Promise<void> {
  await em.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
}
