import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { SqlParams } from '../../common/database/crud-sql.js';
import { contractInForceSql, contractToday } from './contract-status.js';
import { registerVisibility, type Register } from './register-visibility.js';

/**
 * What a ticket links to of the registers (issue 18): client → contact → service object →
 * equipment → contract. The rules live here, not in tickets, because the contracts module may
 * not depend on tickets; tickets call them through the door.
 */
export interface TicketLinks {
  organizationId: string | null;
  serviceObjectId: string | null;
  equipmentId: string | null;
  contractId: string | null;
}

export type TicketLinkField = 'serviceObjectId' | 'equipmentId' | 'contractId';

/** What the rest of a ticket's write needs to know of its links (warranty, SLA, routing). */
export interface TicketLinkFacts {
  equipmentTypeId: string | null;
  /** The equipment's warranty end (inclusive), `YYYY-MM-DD`. */
  warrantyUntil: string | null;
  /** The contract's SLA policy: it wins over the general rules. */
  contractSlaPolicyId: string | null;
}

interface LinkRow {
  kind: 'o' | 'e' | 'c';
  id: string;
  organization_id: string;
  service_object_id: string | null;
  in_force: boolean | null;
  type_id: string | null;
  warranty_until: string | null;
  sla_policy_id: string | null;
}

const NONE: TicketLinkFacts = {
  equipmentTypeId: null,
  warrantyUntil: null,
  contractSlaPolicyId: null,
};

/** The three registers' rows behind `links`, as `reader` may see them (null: everyone). */
async function linkRows(
  em: EntityManager,
  reader: AuthUser | null,
  links: Pick<TicketLinks, 'serviceObjectId' | 'equipmentId' | 'contractId'>,
  today: string,
): Promise<LinkRow[]> {
  const p = new SqlParams();
  const seen = (register: Register, alias: string) =>
    reader ? registerVisibility(reader, p, register, alias) : 'TRUE';
  const parts: string[] = [];
  if (links.serviceObjectId) {
    parts.push(`SELECT 'o' AS kind, so.id, so.organization_id, NULL::uuid AS service_object_id,
                       NULL::boolean AS in_force, NULL::uuid AS type_id, NULL::text AS warranty_until,
                       NULL::uuid AS sla_policy_id
                  FROM service_objects so
                 WHERE so.id = ${p.add(links.serviceObjectId)}::uuid AND ${seen('service_objects', 'so')}`);
  }
  if (links.equipmentId) {
    parts.push(`SELECT 'e' AS kind, ei.id, ei.organization_id, ei.service_object_id,
                       NULL::boolean AS in_force, ei.type_id, ei.warranty_until::text AS warranty_until,
                       NULL::uuid AS sla_policy_id
                  FROM equipment_items ei
                 WHERE ei.id = ${p.add(links.equipmentId)}::uuid AND ${seen('equipment_items', 'ei')}`);
  }
  if (links.contractId) {
    const day = p.add(today);
    parts.push(`SELECT 'c' AS kind, c.id, c.organization_id, NULL::uuid AS service_object_id,
                       ${contractInForceSql('c', day)} AS in_force, NULL::uuid AS type_id,
                       NULL::text AS warranty_until, c.sla_policy_id
                  FROM contracts c
                 WHERE c.id = ${p.add(links.contractId)}::uuid AND ${seen('contracts', 'c')}`);
  }
  if (parts.length === 0) return [];
  return (await em.query(parts.join(' UNION ALL '), p.values)) as LinkRow[];
}

export interface TicketLinkCheck {
  /** The links to check; unchanged ones are left out unless the organization moved. */
  check: ReadonlySet<TicketLinkField>;
  /** Whether the contract must be in force (a new or changed contract link). */
  contractInForce: boolean;
}

/**
 * Checks that a ticket's links belong together, one 422 error per field: each of the ticket's
 * organization (so none without one), the equipment at the chosen service object when one is
 * chosen, the contract in force (today by `now`, UTC, as contracts read), and for a client only
 * what that client may see: an invisible id gets the same answer as a missing one. Returns the
 * facts of the links as they stand after the write.
 */
export async function checkTicketLinks(
  em: EntityManager,
  reader: AuthUser,
  links: TicketLinks,
  now: Date,
  what: TicketLinkCheck,
): Promise<{ errors: ProblemFieldError[]; facts: TicketLinkFacts }> {
  const errors: ProblemFieldError[] = [];
  const today = contractToday(now);
  const rows = await linkRows(em, reader, links, today);
  const row = (kind: LinkRow['kind']) => rows.find((r) => r.kind === kind);
  const fail = (field: TicketLinkField, message: string) => {
    if (what.check.has(field)) errors.push({ field, message });
  };
  const check = (
    field: TicketLinkField,
    kind: LinkRow['kind'],
    id: string | null,
    noun: string,
  ) => {
    if (!id) return undefined;
    const r = row(kind);
    if (!r) fail(field, `no ${noun} with this id`);
    else if (!links.organizationId)
      fail(field, 'needs the ticket’s organization (client) to be set first');
    else if (r.organization_id !== links.organizationId)
      fail(field, `is a ${noun} of another organization than the ticket’s`);
    return r;
  };
  check('serviceObjectId', 'o', links.serviceObjectId, 'service object');
  const equipment = check('equipmentId', 'e', links.equipmentId, 'equipment item');
  if (
    equipment &&
    links.serviceObjectId &&
    equipment.organization_id === links.organizationId &&
    equipment.service_object_id !== links.serviceObjectId
  ) {
    fail('equipmentId', 'is not at the ticket’s service object');
  }
  const contract = check('contractId', 'c', links.contractId, 'contract');
  if (
    contract &&
    what.contractInForce &&
    contract.organization_id === links.organizationId &&
    !contract.in_force
  ) {
    fail('contractId', 'is not in force (active, begun and not ended)');
  }
  return {
    errors,
    facts: {
      equipmentTypeId: equipment?.type_id ?? null,
      warrantyUntil: equipment?.warranty_until ?? null,
      contractSlaPolicyId: contract?.sla_policy_id ?? null,
    },
  };
}

/** The facts of a ticket's current links, read without a reader (the ticket is already known). */
export async function ticketLinkFacts(
  em: EntityManager,
  links: Pick<TicketLinks, 'equipmentId' | 'contractId'>,
): Promise<TicketLinkFacts> {
  if (!links.equipmentId && !links.contractId) return NONE;
  const rows = await linkRows(em, null, { ...links, serviceObjectId: null }, '1970-01-01');
  const e = rows.find((r) => r.kind === 'e');
  const c = rows.find((r) => r.kind === 'c');
  return {
    equipmentTypeId: e?.type_id ?? null,
    warrantyUntil: e?.warranty_until ?? null,
    contractSlaPolicyId: c?.sla_policy_id ?? null,
  };
}

/**
 * Warranty work: the equipment's warranty runs on the ticket's creation date (UTC, the end
 * inclusive, as contract dates are read).
 */
export function underWarranty(warrantyUntil: string | null, createdAt: Date): boolean {
  return warrantyUntil !== null && warrantyUntil >= contractToday(createdAt);
}

export interface LinkNameIds {
  serviceObjectIds: string[];
  equipmentIds: string[];
  contractIds: string[];
}

/**
 * Names of register rows for a ticket's history, as `reader` may see them: a row the reader may
 * not see (another organization's, or outside their objects) has no name, so a history line
 * never tells a client more than the registers do. One statement; ids → name.
 */
export async function registerNames(
  em: EntityManager,
  reader: AuthUser,
  ids: LinkNameIds,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const total = ids.serviceObjectIds.length + ids.equipmentIds.length + ids.contractIds.length;
  if (total === 0) return names;
  const p = new SqlParams();
  const rows = (await em.query(
    `SELECT so.id, so.name FROM service_objects so
      WHERE so.id = ANY(${p.add(ids.serviceObjectIds)}::uuid[])
        AND ${registerVisibility(reader, p, 'service_objects', 'so')}
     UNION ALL
     SELECT ei.id, btrim(btrim(ei.manufacturer || ' ' || ei.model)
                  || COALESCE(' · ' || ei.serial_number, COALESCE(' · ' || ei.inventory_number, '')))
       FROM equipment_items ei
      WHERE ei.id = ANY(${p.add(ids.equipmentIds)}::uuid[])
        AND ${registerVisibility(reader, p, 'equipment_items', 'ei')}
     UNION ALL
     SELECT c.id, c.number || ' ' || c.title FROM contracts c
      WHERE c.id = ANY(${p.add(ids.contractIds)}::uuid[])
        AND ${registerVisibility(reader, p, 'contracts', 'c')}`,
    p.values,
  )) as { id: string; name: string }[];
  for (const r of rows) names.set(r.id, r.name);
  return names;
}
