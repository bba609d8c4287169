import type { AuthUser } from '../../common/auth/auth-user.js';
import type { SqlParams } from '../../common/database/crud-sql.js';
import { objectAccessSql } from './object-access.js';

/** The registers a client may read: their organization's contracts, objects and equipment. */
export type Register = 'contracts' | 'service_objects' | 'equipment_items';

/** Staff read every register row; what a client reads of a row is narrower (no staff fields). */
export function isRegisterStaff(reader: AuthUser): boolean {
  return reader.role !== 'client';
}

/**
 * Access by object (CDESK): a contact limited to some service objects sees only those objects
 * and the equipment at them (object-access.ts). Contracts stay organization-wide: a contract is
 * the organization's, not a site's. It narrows, never widens: the organization condition is
 * always ANDed before it.
 */
function objectAccess(reader: AuthUser, p: SqlParams, register: Register, alias: string) {
  if (register === 'contracts') return 'TRUE';
  const column = register === 'service_objects' ? `${alias}.id` : `${alias}.service_object_id`;
  return objectAccessSql(`${p.add(reader.id)}::uuid`, column);
}

/**
 * THE rule for which register rows a reader sees, as one SQL condition on the register's alias.
 * List, detail and every lookup that answers a reader filter through it, so what it excludes is
 * a 404 everywhere. Staff: everything. A client contact: rows of their own organization, and of
 * contracts not the drafts staff are still writing.
 */
export function registerVisibility(
  reader: AuthUser,
  p: SqlParams,
  register: Register,
  alias: string,
): string {
  if (isRegisterStaff(reader)) return 'TRUE';
  if (!reader.organizationId) return 'FALSE';
  const conditions = [`${alias}.organization_id = ${p.add(reader.organizationId)}::uuid`];
  if (register === 'contracts') conditions.push(`${alias}.status <> 'draft'`);
  conditions.push(objectAccess(reader, p, register, alias));
  return `(${conditions.join(' AND ')})`;
}
