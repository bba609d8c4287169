import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

/**
 * The demo's price list (names in en/ru/cs, hourly work and a part) and logged work on Yuzhny's
 * newest ticket under its contract: billable hours with less billed than done, and an internal
 * entry, so the ticket's Work card, the report and the contract's hours show something.
 * After the contracts seed (the entries count against СО-117/2025).
 */
export async function insertDemoWorkLog(
  em: EntityManager,
  ids: DirectoryIds,
  now: Date,
): Promise<void> {
  const items = (await em.query(
    `INSERT INTO billing_items (name, names, unit, price) VALUES
       ('Service work', '{"en":"Service work","ru":"Сервисные работы","cs":"Servisní práce"}', 'h', 2500),
       ('Travel', '{"en":"Travel","ru":"Выезд специалиста","cs":"Cesta technika"}', 'km', 35),
       ('Humidity sensor', '{"en":"Humidity sensor","ru":"Датчик влажности","cs":"Čidlo vlhkosti"}', 'pcs', 4200)
     RETURNING id, unit`,
  )) as { id: string; unit: string }[];
  const [ticket] = (await em.query(
    `SELECT id FROM tickets WHERE organization_id = $1 ORDER BY number DESC LIMIT 1`,
    [ids.organizations.yuzhny],
  )) as { id: string }[];
  const [contract] = (await em.query(
    `SELECT id FROM contracts WHERE organization_id = $1 AND number = 'СО-117/2025'`,
    [ids.organizations.yuzhny],
  )) as { id: string }[];
  if (!ticket) return;
  const day = now.toISOString().slice(0, 10);
  await em.query(
    `INSERT INTO work_entries (ticket_id, user_id, work_date, duration_seconds, billed_seconds,
            billing_item_id, quantity_done, quantity_billed, kind, description, contract_id, created_by_id)
     VALUES ($1, $2, $3, 9000, 7200, $4, 2.5, 2, 'billable', 'Диагностика контроллера, замена датчика', $6, $2),
            ($1, $2, $3, 1800, 0, NULL, 0, 0, 'internal', 'Согласование с поставщиком', $6, $2),
            ($1, $2, $3, 0, 0, $5, 1, 1, 'billable', 'Датчик влажности HIH-5030', $6, $2)`,
    [ticket.id, ids.people.alexey, day, items[0].id, items[2].id, contract?.id ?? null],
  );
}
