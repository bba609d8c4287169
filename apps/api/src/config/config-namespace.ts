import { Inject } from '@nestjs/common';
import { EnvReader } from './env-reader.js';

/**
 * A typed part of the configuration that one concern needs: it reads and validates its own
 * variables, and has its own injection token, so a module injects only what it uses
 * (`@InjectConfig(authConfig) config: AuthConfig`). loadConfig runs every namespace and fails
 * once with every problem.
 */
export interface ConfigNamespace<T extends object> {
  readonly name: string;
  readonly token: symbol;
  /** The settings it holds (from a dry run of `load`). */
  readonly keys: readonly string[];
  load(env: EnvReader): T;
}

export type ConfigType<N> = N extends ConfigNamespace<infer T> ? T : never;

export function configNamespace<T extends object>(
  name: string,
  load: (env: EnvReader) => T,
): ConfigNamespace<Readonly<T>> {
  return {
    name,
    token: Symbol(`config:${name}`),
    keys: Object.keys(load(new EnvReader({}))),
    load,
  };
}

export const InjectConfig = (ns: ConfigNamespace<object>) => Inject(ns.token);
