import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export interface ConfigIssue {
  variable: string;
  problems: string[];
}

/** Thrown at startup with every bad variable listed, so one run shows everything to fix. */
export class ConfigError extends Error {
  constructor(
    readonly subject: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      [
        `Invalid configuration for ${subject}:`,
        ...issues.map((issue) => `  - ${issue.variable}: ${issue.problems.join('; ')}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  // `FOO=` in an env file means "not set", so the class default applies instead of "" or 0.
  const present = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
  const config = plainToInstance(cls, present, { enableImplicitConversion: true });
  // whitelist drops the rest of the environment (PATH, HOME...) from the instance.
  const errors = validateSync(config, { whitelist: true, validationError: { target: false, value: false } });
  if (errors.length > 0) {
    throw new ConfigError(
      subjectOf(cls),
      errors.map((error) => ({
        variable: error.property,
        problems: [...new Set(Object.values(error.constraints ?? {}).map((m) => withoutSubject(m, error.property)))],
      })),
    );
  }
  return config;
}

/** `DossierConfig` → `dossier`. */
function subjectOf(cls: new () => unknown): string {
  const base = cls.name.replace(/Config$/, '') || cls.name;
  return base.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

// Default class-validator messages start with the property name, which the line already shows.
function withoutSubject(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
