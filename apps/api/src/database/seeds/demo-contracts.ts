import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

const DAY = 86_400_000;
const date = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

async function insert(em: EntityManager, text: string, params: unknown[]): Promise<string> {
  const [{ id }] = (await em.query(`${text} RETURNING id`, params)) as { id: string }[];
  return id;
}

/**
 * Issue 18's registers for the two client organizations: their service contracts (the numbers
 * their organization notes name, one of Yuzhny's already expired by date), their sites (Yuzhny's
 * with the Moscow office calendar), equipment types with custom fields in en/ru/cs, and items
 * with components and warranties. Authorized requesters are listed for Yuzhny, with the list off.
 * After the SLA seed: contracts and objects refer to its policy and calendar.
 */
export async function insertDemoContracts(
  em: EntityManager,
  ids: DirectoryIds,
  now: Date,
): Promise<void> {
  const { yuzhny, novak } = ids.organizations;
  const [policy] = (await em.query(
    `SELECT id FROM sla_policies WHERE name = 'Urgent and high'`,
  )) as { id: string }[];
  const [calendar] = (await em.query(
    `SELECT id FROM sla_calendars WHERE name = 'Moscow office'`,
  )) as { id: string }[];

  const contract = (
    org: string,
    number: string,
    title: string,
    from: number,
    to: number,
    extra: { policy?: string; allowance?: [number, 'month' | 'contract']; notes?: string } = {},
  ) =>
    insert(
      em,
      `INSERT INTO contracts (organization_id, number, title, valid_from, valid_to, status, sla_policy_id,
                              allowance_seconds, allowance_period, billing_notes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $10)`,
      [
        org,
        number,
        title,
        date(now, from),
        date(now, to),
        extra.policy ?? null,
        extra.allowance?.[0] ?? null,
        extra.allowance?.[1] ?? null,
        extra.notes ?? '',
        new Date(now.getTime() + from * DAY),
      ],
    );
  const yuzhnyContract = await contract(
    yuzhny,
    'СО-117/2025',
    'Сервисное обслуживание тепличного комплекса',
    -200,
    165,
    {
      policy: policy?.id,
      allowance: [40 * 3600, 'month'],
      notes: 'Счёт ежемесячно, выезды сверх 40 часов — по прайсу 2025 года.',
    },
  );
  await contract(yuzhny, 'СО-088/2024', 'Пусконаладка котельной', -560, -200);
  await contract(novak, 'SS-2025/08', 'Servisní smlouva – skleníky a kotelna', -120, 245, {
    allowance: [120 * 3600, 'contract'],
    notes: 'Fakturace čtvrtletně; výjezdy mimo pracovní dobu +50 %.',
  });

  const object = (
    org: string,
    name: string,
    address: string,
    contact: string | null,
    cal: string | null,
  ) =>
    insert(
      em,
      `INSERT INTO service_objects (organization_id, name, address, contact_id, calendar_id, notes)
       VALUES ($1, $2, $3, $4, $5, '')`,
      [org, name, address, contact, cal],
    );
  const block3 = await object(
    yuzhny,
    'Тепличный блок № 3',
    'г. Краснодар, ул. Тепличная, 12, блок 3',
    ids.people.sergey,
    calendar?.id ?? null,
  );
  const boilerHouse = await object(
    yuzhny,
    'Котельная',
    'г. Краснодар, ул. Тепличная, 12, стр. 2',
    ids.people.nikolay,
    calendar?.id ?? null,
  );
  const greenhouseA = await object(
    novak,
    'Skleník A',
    'Budějovická 1520, Hluboká nad Vltavou',
    ids.people.petr,
    null,
  );

  const type = (name: string, fields: object[]) =>
    insert(em, `INSERT INTO equipment_types (name, fields) VALUES ($1, $2::jsonb)`, [
      name,
      JSON.stringify(fields),
    ]);
  const field = (
    key: string,
    name: { en: string; ru: string; cs: string },
    kind: string,
    more: object = {},
  ) => ({
    key,
    name,
    kind,
    required: false,
    clientVisible: true,
    options: [],
    active: true,
    ...more,
  });
  const controllerType = await type('Climate controller / Климат-контроллер / Řídicí jednotka', [
    field('firmware', { en: 'Firmware', ru: 'Прошивка', cs: 'Firmware' }, 'text'),
    field('zones', { en: 'Zones', ru: 'Зоны', cs: 'Zóny' }, 'number'),
  ]);
  const boilerType = await type('Boiler / Котёл / Kotel', [
    field('power_kw', { en: 'Power, kW', ru: 'Мощность, кВт', cs: 'Výkon, kW' }, 'number', {
      required: true,
    }),
    field('fuel', { en: 'Fuel', ru: 'Топливо', cs: 'Palivo' }, 'select', {
      options: [
        { value: 'gas', name: { en: 'Natural gas', ru: 'Природный газ', cs: 'Zemní plyn' } },
        { value: 'biomass', name: { en: 'Biomass', ru: 'Биомасса', cs: 'Biomasa' } },
      ],
    }),
  ]);
  const burnerType = await type('Burner / Горелка / Hořák', [
    field('service_code', { en: 'Service code', ru: 'Сервисный код', cs: 'Servisní kód' }, 'text', {
      clientVisible: false,
    }),
  ]);

  const item = (
    typeId: string,
    org: string,
    objectId: string | null,
    parentId: string | null,
    spec: [string, string, string, string, number, number],
    customFields: object,
  ) =>
    insert(
      em,
      `INSERT INTO equipment_items (type_id, organization_id, service_object_id, parent_id, manufacturer, model,
                                    serial_number, inventory_number, installed_on, warranty_until, custom_fields,
                                    created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $12)`,
      [
        typeId,
        org,
        objectId,
        parentId,
        spec[0],
        spec[1],
        spec[2],
        spec[3],
        date(now, spec[4]),
        date(now, spec[5]),
        JSON.stringify(customFields),
        new Date(now.getTime() + spec[4] * DAY),
      ],
    );
  await item(
    controllerType,
    yuzhny,
    block3,
    null,
    ['Priva', 'Connext', 'PRV-24-00317', 'ЮГ-000412', -400, 330],
    {
      firmware: '9.4.2',
      zones: 6,
    },
  );
  const boiler = await item(
    boilerType,
    yuzhny,
    boilerHouse,
    null,
    ['Viessmann', 'Vitoplex 300', 'VX3-7781-2023', 'ЮГ-000118', -700, -30],
    { power_kw: 1750, fuel: 'gas' },
  );
  await item(
    burnerType,
    yuzhny,
    boilerHouse,
    boiler,
    ['Weishaupt', 'WM-G20', 'WG20-55120', 'ЮГ-000119', -700, -30],
    {
      service_code: 'WS-4471',
    },
  );
  await item(
    controllerType,
    novak,
    greenhouseA,
    null,
    ['Hoogendoorn', 'iSii', 'HGD-iSii-2291', 'NOV-0042', -90, 640],
    {
      firmware: '3.1',
      zones: 2,
    },
  );

  await em.query(
    `INSERT INTO requester_lists (organization_id, enabled, version) VALUES ($1, false, 1)`,
    [yuzhny],
  );
  await em.query(
    `INSERT INTO authorized_requesters (organization_id, user_id, contract_id)
     VALUES ($1, $2, NULL), ($1, $3, $4)`,
    [yuzhny, ids.people.sergey, ids.people.anna, yuzhnyContract],
  );
}
