/**
 * The type a Russian or Czech strings file must satisfy, derived from the English one (the
 * source of truth, declared `as const`): the same keys, no more and no fewer, every string
 * keeping the English string's `{{placeholders}}`, and for each plural key (`x_one`/`x_other`)
 * also the `x_few` and `x_many` forms Slavic languages need. So `tsc` fails on a missing or
 * stray key, a lost placeholder or a missing plural form.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? TranslatedString<T[K]> : Translation<T[K]>;
} & {
  [K in keyof T as PluralForms<K>]: TranslatedString<T[K] & string>;
};

/** 'in {{seconds}} s' → 'seconds'. */
type Placeholders<S extends string> = S extends `${string}{{${infer V}}}${infer Rest}`
  ? V | Placeholders<Rest>
  : never;

type Hole<V extends string> = V extends unknown ? `${string}{{${V}}}${string}` : never;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

/** Any text holding each placeholder of the English string `S`. */
type TranslatedString<S extends string> = [Placeholders<S>] extends [never]
  ? string
  : UnionToIntersection<Hole<Placeholders<S>>>;

type PluralForms<K> = K extends `${infer Base}_other` ? `${Base}_few` | `${Base}_many` : never;
