import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Locale, Role, VisibilityScope } from '@relaydesk/contracts';

type OrgKey = 'yuzhny' | 'novak';
type DepartmentKey = 'service' | 'engineering';
type GroupKey = 'l1' | 'l2';

export type StaffKey = 'admin' | 'marina' | 'alexey' | 'tereza' | 'dmitry' | 'jan' | 'olga';
export type ClientKey = 'sergey' | 'anna' | 'nikolay' | 'petr' | 'lucie' | 'martin';
export type PersonKey = StaffKey | ClientKey;

interface PersonSeed {
  email: string;
  name: string;
  phone: string | null;
  /** Staff with a phone get SMS for urgent tickets in the demo (LogSmsGateway prints them). */
  smsOptIn: boolean;
  locale: Locale;
  role: Role;
  organization: OrgKey | null;
  department: DepartmentKey | null;
  /** Staff: null is the installation default. */
  visibilityScope: VisibilityScope | null;
  canViewOrganizationTickets: boolean;
}

const staff = (
  email: string,
  name: string,
  role: Role,
  locale: Locale,
  department: DepartmentKey | null,
  phone: string | null = null,
  visibilityScope: VisibilityScope | null = role === 'admin' ? 'all' : null,
): PersonSeed => ({
  email,
  name,
  phone,
  smsOptIn: phone !== null,
  locale,
  role,
  organization: null,
  department,
  visibilityScope,
  canViewOrganizationTickets: false,
});

const contact = (
  email: string,
  name: string,
  organization: OrgKey,
  locale: Locale,
  phone: string,
  canViewOrganizationTickets = false,
): PersonSeed => ({
  email,
  name,
  phone,
  smsOptIn: false,
  locale,
  role: 'client',
  organization,
  department: null,
  visibilityScope: null,
  canViewOrganizationTickets,
});

/**
 * A small service company (two departments, first and second line) and two greenhouse
 * customers, one Russian and one Czech. Client domains are under the reserved `.example`
 * TLD so a demo that sends mail can never reach a real mailbox.
 */
export const PEOPLE: Record<PersonKey, PersonSeed> = {
  admin: staff('admin@relaydesk.local', 'Administrator', 'admin', 'en', null),
  marina: staff(
    'marina.kuznetsova@relaydesk.local',
    'Марина Кузнецова',
    'dispatcher',
    'ru',
    'service',
    '+78612001001',
  ),
  alexey: staff(
    'alexey.smirnov@relaydesk.local',
    'Алексей Смирнов',
    'agent',
    'ru',
    'service',
    '+78612001012',
  ),
  tereza: staff(
    'tereza.dvorakova@relaydesk.local',
    'Tereza Dvořáková',
    'agent',
    'cs',
    'service',
    '+420601234567',
  ),
  dmitry: staff(
    'dmitry.volkov@relaydesk.local',
    'Дмитрий Волков',
    'agent',
    'ru',
    'engineering',
    '+78612001021',
  ),
  jan: staff(
    'jan.prochazka@relaydesk.local',
    'Jan Procházka',
    'agent',
    'cs',
    'engineering',
    '+420602345678',
  ),
  // CDESK's help-desk worker: in L1, yet sees only her own work (visibility scope `own`).
  olga: staff(
    'olga.belova@relaydesk.local',
    'Ольга Белова',
    'agent',
    'ru',
    'service',
    '+78612001014',
    'own',
  ),

  sergey: contact(
    's.petrov@agro-yuzhny.example',
    'Сергей Петров',
    'yuzhny',
    'ru',
    '+79183451201',
    true,
  ),
  anna: contact('a.lebedeva@agro-yuzhny.example', 'Анна Лебедева', 'yuzhny', 'ru', '+79183451207'),
  nikolay: contact('n.orlov@agro-yuzhny.example', 'Николай Орлов', 'yuzhny', 'ru', '+79183451215'),
  petr: contact(
    'petr.novak@zahradnictvi-novak.example',
    'Petr Novák',
    'novak',
    'cs',
    '+420387965211',
    true,
  ),
  lucie: contact(
    'lucie.svobodova@zahradnictvi-novak.example',
    'Lucie Svobodová',
    'novak',
    'cs',
    '+420387965214',
  ),
  martin: contact(
    'martin.kucera@zahradnictvi-novak.example',
    'Martin Kučera',
    'novak',
    'cs',
    '+420387965219',
  ),
};

const ORGANIZATIONS: Record<
  OrgKey,
  { name: string; taxId: string; address: string; phone: string; email: string; notes: string }
> = {
  yuzhny: {
    name: 'АО «Агрокомбинат Южный»',
    taxId: '2312045678',
    address: '350072, Краснодарский край, г. Краснодар, ул. Тепличная, д. 12',
    phone: '+7 861 204-55-10',
    email: 'info@agro-yuzhny.example',
    notes:
      'Тепличный комплекс 24 га, томаты и огурцы, шесть блоков и собственная котельная. ' +
      'Договор сервисного обслуживания № СО-117/2025: реакция на аварию — 4 часа.',
  },
  novak: {
    name: 'Zahradnictví Novák s.r.o.',
    taxId: 'CZ27194121',
    address: 'Budějovická 1520, 373 41 Hluboká nad Vltavou',
    phone: '+420 387 965 210',
    email: 'info@zahradnictvi-novak.example',
    notes:
      'Skleníky 3,5 ha (rajčata, okurky), vlastní kotelna. Servisní smlouva SS-2025/08, ' +
      'výjezd technika do následujícího pracovního dne.',
  },
};

const DEPARTMENTS: Record<
  DepartmentKey,
  { name: string; parent: DepartmentKey | null; head: StaffKey }
> = {
  service: { name: 'Сервисный отдел / Service', parent: null, head: 'tereza' },
  engineering: { name: 'Инженерный отдел / Engineering', parent: 'service', head: 'dmitry' },
};

export const GROUPS: Record<
  GroupKey,
  { name: string; description: string; lead: StaffKey; members: StaffKey[] }
> = {
  l1: {
    name: 'L1 support',
    description: 'Первая линия: приём заявок, удалённая диагностика / První linie podpory',
    lead: 'tereza',
    members: ['alexey', 'tereza', 'olga'],
  },
  l2: {
    name: 'L2 engineering',
    description: 'Вторая линия: выезды, монтаж, прошивки / Druhá linie: výjezdy a montáže',
    lead: 'dmitry',
    members: ['dmitry', 'jan'],
  },
};

export interface DirectoryIds {
  people: Record<PersonKey, string>;
  organizations: Record<OrgKey, string>;
  groups: Record<GroupKey, string>;
}

export function organizationOf(key: PersonKey): OrgKey | null {
  return PEOPLE[key].organization;
}

function idsFor<K extends string>(keys: K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
}

const keysOf = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as K[];

/** Organizations, departments, people and groups; every user gets the same password hash. */
export async function insertDirectory(
  em: EntityManager,
  passwordHash: string,
  since: Date,
): Promise<DirectoryIds> {
  const ids: DirectoryIds = {
    people: idsFor(keysOf(PEOPLE)),
    organizations: idsFor(keysOf(ORGANIZATIONS)),
    groups: idsFor(keysOf(GROUPS)),
  };
  const departmentIds = idsFor(keysOf(DEPARTMENTS));

  await em.query(
    `INSERT INTO organizations (id, name, tax_id, address, phone, email, notes, created_at, updated_at)
     SELECT x.id, x.name, x.tax_id, x.address, x.phone, x.email, x.notes, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, tax_id text, address text,
                                              phone text, email text, notes text)`,
    [
      JSON.stringify(
        keysOf(ORGANIZATIONS).map((k) => ({
          id: ids.organizations[k],
          name: ORGANIZATIONS[k].name,
          tax_id: ORGANIZATIONS[k].taxId,
          address: ORGANIZATIONS[k].address,
          phone: ORGANIZATIONS[k].phone,
          email: ORGANIZATIONS[k].email,
          notes: ORGANIZATIONS[k].notes,
        })),
      ),
      since,
    ],
  );

  // Departments and their heads point at each other: departments first, heads once users exist.
  await em.query(
    `INSERT INTO departments (id, name, parent_id, created_at, updated_at)
     SELECT x.id, x.name, x.parent_id, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, parent_id uuid, ord int)
      ORDER BY x.ord`,
    [
      JSON.stringify(
        keysOf(DEPARTMENTS).map((k, ord) => {
          const parent = DEPARTMENTS[k].parent;
          return {
            id: departmentIds[k],
            name: DEPARTMENTS[k].name,
            parent_id: parent ? departmentIds[parent] : null,
            ord,
          };
        }),
      ),
      since,
    ],
  );

  await em.query(
    `INSERT INTO users (id, email, password_hash, name, phone, sms_opt_in, locale, role,
                        organization_id, department_id, visibility_scope,
                        can_view_organization_tickets, created_at, updated_at)
     SELECT x.id, x.email, $2, x.name, x.phone, x.sms_opt_in, x.locale, x.role, x.organization_id,
            x.department_id, x.visibility_scope, x.can_view_organization_tickets, $3, $3
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, email text, name text, phone text,
              sms_opt_in boolean, locale text, role text, organization_id uuid, department_id uuid,
              visibility_scope text, can_view_organization_tickets boolean)`,
    [
      JSON.stringify(
        keysOf(PEOPLE).map((k) => {
          const p = PEOPLE[k];
          return {
            id: ids.people[k],
            email: p.email,
            name: p.name,
            phone: p.phone,
            sms_opt_in: p.smsOptIn,
            locale: p.locale,
            role: p.role,
            organization_id: p.organization ? ids.organizations[p.organization] : null,
            department_id: p.department ? departmentIds[p.department] : null,
            visibility_scope: p.visibilityScope,
            can_view_organization_tickets: p.canViewOrganizationTickets,
          };
        }),
      ),
      passwordHash,
      since,
    ],
  );

  for (const k of keysOf(DEPARTMENTS)) {
    await em.query(`UPDATE departments SET head_id = $2 WHERE id = $1`, [
      departmentIds[k],
      ids.people[DEPARTMENTS[k].head],
    ]);
  }

  for (const k of keysOf(GROUPS)) {
    const g = GROUPS[k];
    await em.query(
      `INSERT INTO groups (id, name, description, lead_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
      [ids.groups[k], g.name, g.description, ids.people[g.lead], since],
    );
    await em.query(`INSERT INTO group_members (group_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      ids.groups[k],
      g.members.map((m) => ids.people[m]),
    ]);
  }
  return ids;
}
