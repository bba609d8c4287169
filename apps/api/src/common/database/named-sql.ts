/**
 * A query builder's SQL (`:name` parameters) turned into PostgreSQL's positional form once, with
 * the order the values go in, so a statement built many times with the same shape can be kept
 * and filled with each request's values without building it again. The placeholders are found
 * exactly as TypeORM's PostgreSQL driver finds them (escapeQueryWithParameters): a `:name` that
 * is not a parameter (`::text`) stays as it is, and a name used twice is one placeholder.
 */
export interface CompiledSql {
  text: string;
  /** The parameter name behind $1, $2, … */
  order: string[];
}

export function compileNamed(named: string, params: Record<string, unknown>): CompiledSql {
  const order: string[] = [];
  const index = new Map<string, number>();
  const text = named.replaceAll(
    /:(\.\.\.)?([A-Za-z0-9_.]+)/g,
    (full, spread: string | undefined, key: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, key)) return full;
      // A spread list (`:...ids`) has as many placeholders as values: no fixed shape to keep.
      if (spread) throw new Error(`compileNamed: the list parameter :...${key} has no fixed shape`);
      let i = index.get(key);
      if (i === undefined) {
        order.push(key);
        index.set(key, (i = order.length));
      }
      return `$${i}`;
    },
  );
  return { text, order };
}

/** The values of a compiled statement, in placeholder order. */
export function valuesFor(compiled: CompiledSql, params: Record<string, unknown>): unknown[] {
  return compiled.order.map((k) => params[k]);
}
