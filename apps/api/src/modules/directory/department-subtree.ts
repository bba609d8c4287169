/**
 * The ids of the given departments and of every department below them, as a subquery: THE
 * department-subtree query (visibility, a dispatcher's reach, the loop check on a move).
 * `roots` is a condition on `departments d` with the caller's placeholder style, e.g.
 * `d.id = ANY($2::uuid[])` or `d.id = ANY(:deptIds)`. UNION (not UNION ALL) stops at rows already
 * seen, so even a damaged tree cannot loop.
 */
export function departmentSubtreeSql(roots: string): string {
  return `(WITH RECURSIVE subtree(id) AS (
             SELECT d.id FROM departments d WHERE ${roots}
             UNION SELECT d.id FROM departments d JOIN subtree s ON d.parent_id = s.id)
           SELECT id FROM subtree)`;
}
