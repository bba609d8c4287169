import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

/** Yuzhny's first request (closed): block 3 cools down at night, a sensor of the controller at fault. */
const WARRANTY_TICKET = 'Теплица №3: ночью температура падает до 14 °C';
/** Its follow-up, in progress: the worn mixing valve found on that visit is being replaced. */
const FOLLOW_UP_TICKET = 'Замена трёхходового клапана смесительного узла в блоке 3';

/**
 * The demo's price list (names in en/ru/cs, hourly work, travel and a part) and an Okdesk-style
 * ticket with all its links and logged work (issue 18): Yuzhny's closed request about block 3 is
 * linked to its contact (the requester, the site's contact person), the site, the climate
 * controller there (under warranty, so the ticket is warranty work) and contract СО-117/2025.
 * Its work: the controller's temperature sensor replaced under warranty, the mixing loop's
 * calibration and the travel billed (less billed than done), and an internal call to the vendor; the protocol
 * prints it. The follow-up request, in progress under the same contract, has today's billable
 * hours, so the contract's hours this month show something.
 * After the contracts seed. The whole demo seed runs once, on an empty database (seed-on-start).
 */
export async function insertDemoWorkLog(
  em: EntityManager,
  ids: DirectoryIds,
  now: Date,
): Promise<void> {
  const { yuzhny } = ids.organizations;
  const [service, travel] = (await em.query(
    `INSERT INTO billing_items (name, names, unit, price) VALUES
       ('Service work', '{"en":"Service work","ru":"Сервисные работы","cs":"Servisní práce"}', 'h', 2500),
       ('Travel', '{"en":"Travel","ru":"Выезд специалиста","cs":"Cesta technika"}', 'km', 35),
       ('Humidity sensor', '{"en":"Humidity sensor","ru":"Датчик влажности","cs":"Čidlo vlhkosti"}', 'pcs', 4200)
     RETURNING id`,
  )) as { id: string }[];
  const [links] = (await em.query(
    `SELECT (SELECT id FROM contracts WHERE organization_id = $1 AND number = 'СО-117/2025') AS contract,
            (SELECT id FROM service_objects WHERE organization_id = $1 AND name = 'Тепличный блок № 3') AS site,
            (SELECT id FROM equipment_items WHERE organization_id = $1 AND serial_number = 'PRV-24-00317') AS controller`,
    [yuzhny],
  )) as { contract: string | null; site: string | null; controller: string | null }[];
  const ticket = async (subject: string) =>
    (
      (await em.query(
        `SELECT id, coalesce(assignee_id, $3) AS worker,
                coalesce(resolved_at, now())::date::text AS day
           FROM tickets WHERE organization_id = $1 AND subject = $2`,
        [yuzhny, subject, ids.people.alexey],
      )) as { id: string; worker: string; day: string }[]
    )[0];
  const closed = await ticket(WARRANTY_TICKET);
  const followUp = await ticket(FOLLOW_UP_TICKET);
  if (!closed || !followUp || !links.contract || !links.site || !links.controller) return;

  // The controller is under warranty (seeded until ~11 months from now): so is the ticket.
  await em.query(
    `UPDATE tickets SET service_object_id = $2, equipment_id = $3, contract_id = $4, warranty = true
      WHERE id = $1`,
    [closed.id, links.site, links.controller, links.contract],
  );
  await em.query(`UPDATE tickets SET service_object_id = $2, contract_id = $3 WHERE id = $1`, [
    followUp.id,
    links.site,
    links.contract,
  ]);

  // The work was done on the day the request was solved; the follow-up's today.
  const today = now.toISOString().slice(0, 10);
  await em.query(
    `INSERT INTO work_entries (ticket_id, user_id, work_date, duration_seconds, billed_seconds,
            billing_item_id, quantity_done, quantity_billed, kind, description, contract_id, created_by_id)
     VALUES ($1, $2, $3, 5400, 5400, $4, 1.5, 1.5, 'warranty',
             'Замена датчика температуры воздуха блока 3 из комплекта контроллера Priva Connext: занижал показания на 3–4 °C', $6, $2),
            ($1, $2, $3, 9000, 7200, $4, 2.5, 2, 'billable',
             'Калибровка контура смесительного узла блока 3, проверка приводов клапанов и ночной уставки 18 °C', $6, $2),
            ($1, $2, $3, 0, 0, $5, 48, 48, 'billable', 'Выезд на объект: г. Краснодар, ул. Тепличная, 12', $6, $2),
            ($1, $2, $3, 1800, 0, NULL, 0, 0, 'internal', 'Согласование замены датчика с сервисной службой Priva', $6, $2),
            ($7, $8, $9, 7200, 7200, $4, 2, 2, 'billable',
             'Демонтаж изношенного трёхходового клапана, подготовка узла к замене', $6, $8)`,
    [
      closed.id,
      closed.worker,
      closed.day,
      service.id,
      travel.id,
      links.contract,
      followUp.id,
      followUp.worker,
      today,
    ],
  );
  // The demo shows clients their billed work in the portal (off on a new installation).
  await em.query(`UPDATE work_log_settings SET clients_see_billed = true WHERE id = 1`);
}
