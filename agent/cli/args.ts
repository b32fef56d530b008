import { UsageError } from './usage-error.js';

/** How one command's flags are read: a string flag takes a value, a boolean flag does not. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in messages, e.g. "DURATION". */
  value?: string;
  short?: string;
}

export interface CommandSpec {
  name: string;
  flags: Record<string, FlagSpec>;
  /**
   * Names of the positional arguments, in order; a trailing `?` marks an optional one, and a
   * last name ending in `...` takes all the remaining words (e.g. a duration typed "10 min").
   */
  positionals: string[];
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  socket: { type: 'string', value: 'PATH' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

/**
 * Reads `--flag value`, `--flag=value`, `-h` and positionals for one command. Strict: an
 * unknown flag, a missing value, a repeated flag or a surplus positional is a UsageError,
 * so a typo never runs a different command than the one meant.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const all: Record<string, FlagSpec> = { ...GLOBAL_FLAGS, ...spec.flags };
  const byShort = new Map(
    Object.entries(all)
      .filter(([, f]) => f.short)
      .map(([name, f]) => [f.short as string, name]),
  );
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const long = byShort.get(arg.slice(1));
      if (!long) throw new UsageError(`unknown flag ${arg} for ${spec.name}.`, spec.name);
      name = long;
    }
    const flag = all[name];
    if (!flag) throw new UsageError(`unknown flag --${name} for ${spec.name}.`, spec.name);
    if (flags[name] !== undefined) {
      throw new UsageError(`--${name} is given more than once.`, spec.name);
    }
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`, spec.name);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value (${flag.value ?? 'VALUE'}).`, spec.name);
    }
    flags[name] = value;
  }

  if (flags.help) return { flags, positionals };
  const required = spec.positionals.filter((p) => !p.endsWith('?'));
  if (positionals.length < required.length) {
    const missing = (required[positionals.length] as string).replace(/\.\.\.$/, '');
    throw new UsageError(`${spec.name} needs ${missing}.`, spec.name);
  }
  const rest = spec.positionals.at(-1)?.endsWith('...') ?? false;
  if (!rest && positionals.length > spec.positionals.length) {
    throw new UsageError(
      `${spec.name} does not take "${positionals[spec.positionals.length]}".`,
      spec.name,
    );
  }
  return { flags, positionals };
}

/** A string flag's value, or undefined when absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** A positive whole number flag (e.g. --limit), or undefined when absent. */
export function positiveIntFlag(
  args: ParsedArgs,
  name: string,
  command: string,
  max: number,
): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${v}".`, command);
  }
  return Number(v);
}

/** A flag restricted to a fixed set of words (e.g. --level admin|passwordless). */
export function choiceFlag<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  command: string,
): T | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be ${choices.join(' or ')}, not "${v}".`, command);
  }
  return v as T;
}
