import type { AuthUser } from '../../common/auth/auth-user.js';
import type { SqlParams } from '../../common/database/crud-sql.js';
import { ticketVisibility } from '../tickets/index.js';

/**
 * THE ticket rule (tickets' `ticketVisibility`, written for query builders with `:name`
 * parameters) as a condition with positional parameters, for this module's hand-written SQL.
 */
export function visibleTicketSql(user: AuthUser, p: SqlParams, alias = 't'): string {
  const { sql, params } = ticketVisibility(user, alias);
  const placed = new Map<string, string>();
  return sql.replace(/(?<!:):([A-Za-z_]\w*)/g, (match, name: string) => {
    if (!(name in params)) return match;
    let placeholder = placed.get(name);
    if (!placeholder) {
      placeholder = p.add(params[name]);
      placed.set(name, placeholder);
    }
    return placeholder;
  });
}
