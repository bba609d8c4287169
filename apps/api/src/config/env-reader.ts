type Env = Record<string, string | undefined>;

/**
 * What a config namespace reads the environment through: typed getters that note every bad
 * value in `problems` and fall back, so loadConfig reports all mistakes at once.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(
    private readonly env: Env,
    /** Settings the caller (a test, the OpenAPI generator) sets directly: not required of env. */
    private readonly given: ReadonlySet<string> = new Set(),
  ) {}

  raw(name: string): string | undefined {
    return this.env[name];
  }

  has(setting: string): boolean {
    return this.given.has(setting);
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problem(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    this.problem(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  /** NODE_ENV=production: development-only switches are refused. */
  get production(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
