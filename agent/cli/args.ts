import { t } from './locale.js';
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

const e = t.help.errors;

/** A placeholder ("DURATION") or a choice of them as the reader's language names them. */
export function placeholder(name: string): string {
  const names: Record<string, string> = t.help.placeholders;
  return name
    .split('|')
    .map((p) => names[p] ?? p)
    .join('|');
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
      if (!long) throw new UsageError(e.unknownFlag(arg, spec.name), spec.name);
      name = long;
    }
    const flag = all[name];
    if (!flag) throw new UsageError(e.unknownFlag(`--${name}`, spec.name), spec.name);
    if (flags[name] !== undefined) {
      throw new UsageError(e.repeated(`--${name}`), spec.name);
    }
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(e.takesNoValue(`--${name}`), spec.name);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(
        e.needsValue(`--${name}`, placeholder(flag.value ?? 'VALUE')),
        spec.name,
      );
    }
    flags[name] = value;
  }

  if (flags.help) return { flags, positionals };
  const required = spec.positionals.filter((p) => !p.endsWith('?'));
  if (positionals.length < required.length) {
    const missing = (required[positionals.length] as string).replace(/\.\.\.$/, '');
    throw new UsageError(e.needs(spec.name, placeholder(missing)), spec.name);
  }
  const rest = spec.positionals.at(-1)?.endsWith('...') ?? false;
  if (!rest && positionals.length > spec.positionals.length) {
    throw new UsageError(
      e.surplus(spec.name, positionals[spec.positionals.length] as string),
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
    throw new UsageError(e.wholeNumber(`--${name}`, max, v), command);
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
    throw new UsageError(e.choice(`--${name}`, choices, v), command);
  }
  return v as T;
}
