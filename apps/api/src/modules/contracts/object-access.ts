/**
 * Access by object (CDESK, issue 18), as SQL: a client contact with rows in
 * `contact_object_access` sees only those service objects, the equipment at them and the tickets
 * on them; a contact without rows sees their whole organization. It only ever narrows a
 * condition that already limits to the contact's organization (ANDed after it).
 *
 * `userId`: an SQL expression for the contact's id (a bound parameter); `objectColumn`: the
 * row's service object id. A row without an object (equipment not placed, a ticket on no
 * object) is outside a limited contact's objects.
 */
export function objectAccessSql(userId: string, objectColumn: string): string {
  return `(NOT EXISTS (SELECT 1 FROM contact_object_access coa WHERE coa.user_id = ${userId})
           OR (${objectColumn} IS NOT NULL AND ${objectColumn} IN
               (SELECT coa.service_object_id FROM contact_object_access coa WHERE coa.user_id = ${userId})))`;
}
