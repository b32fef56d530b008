/**
 * The frame both command lines share: pick the command, parse its flags, connect to the
 * agent on demand, print results, and turn every failure into one line on stderr and the
 * documented exit code.
 */
import { AgentClient, AgentUnavailableError } from '../client/agent-client.js';
import { clientSocketPath } from '../shared/default-paths.js';
import { VERSION } from '../shared/version.js';
import { parseArgs, stringFlag, type CommandSpec, type ParsedArgs } from './args.js';
import { cliLocale, t } from './locale.js';
import { ExitCode, exitCodeFor, messageFor } from './exit-codes.js';
import { visible } from './table.js';
import { unreachableSentence } from './next-step.js';
import { UsageError } from './usage-error.js';
import { wrapText } from './wrap.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width for tables, or undefined when output goes to a file or pipe. */
  readonly columns?: number | undefined;
}

function columnsOf(stream: NodeJS.WriteStream): number | undefined {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY ? stream.columns : undefined;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(wrapText(visible(text), columnsOf(process.stdout)) + '\n'),
  err: (text) => process.stderr.write(wrapText(visible(text), columnsOf(process.stderr)) + '\n'),
  get columns() {
    return columnsOf(process.stdout);
  },
};

export interface CommandContext {
  program: string;
  json: boolean;
  socketPath: string;
  io: Output;
  /** Connects and authenticates as the calling user; closed when the command returns. */
  connect(): Promise<AgentClient>;
  /** Prints `value` as JSON on one line when --json is set, else the text `render()` makes. */
  print(value: unknown, render: () => string): void;
}

export interface Command {
  spec: CommandSpec;
  /** One line for the program's command list. */
  summary: string;
  /** Synopsis lines after the program name, e.g. "grant USER --for DURATION [...]". */
  usage: string;
  /** Explanation printed by `--help` under the synopsis. */
  help: string;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}

export interface Program {
  name: string;
  description: string;
  /** Command names as typed; a two-word name ("policy check") is matched on two words. */
  commands: Record<string, Command>;
}

const h = t.help;

export function programHelp(p: Program): string {
  const names = Object.keys(p.commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    h.usage(h.programSynopsis(p.name)),
    '',
    p.description,
    '',
    h.commands,
    ...names.map((n) => `  ${n.padEnd(width)}  ${p.commands[n]?.summary ?? ''}`),
    '',
    h.global,
    '',
    h.commandOptions(p.name),
  ].join('\n');
}

export function commandHelp(p: Program, name: string): string {
  const c = p.commands[name] as Command;
  return [h.usage(`${p.name} ${c.usage}`), '', reflow(c.help), '', h.global].join('\n');
}

/**
 * Help is written in source-width lines; joined into paragraphs here, it is wrapped once, at
 * the reader's terminal width. A blank or indented line keeps its own line.
 */
export function reflow(text: string): string {
  return text.replace(/([^\n])\n(?=[^\s])/g, '$1 ');
}

/** Finds the command word(s) among argv, skipping global flags that may come first. */
export function findCommand(
  p: Program,
  argv: readonly string[],
): { name: string; rest: string[] } | null {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--socket') {
      rest.push(arg, ...(argv[i + 1] !== undefined ? [argv[i + 1] as string] : []));
      i++;
      continue;
    }
    if (arg.startsWith('-')) {
      rest.push(arg);
      continue;
    }
    const two = `${arg} ${argv[i + 1] ?? ''}`;
    if (p.commands[two]) return { name: two, rest: [...rest, ...argv.slice(i + 2)] };
    if (p.commands[arg]) return { name: arg, rest: [...rest, ...argv.slice(i + 1)] };
    const group = Object.keys(p.commands).filter((n) => n.startsWith(arg + ' '));
    if (group.length > 0) {
      const sub = argv[i + 1];
      throw new UsageError(
        sub === undefined
          ? h.errors.needsSubcommand(arg, group.map((n) => n.split(' ')[1]).join(', '))
          : h.errors.unknownCommand(`${arg} ${sub}`),
      );
    }
    throw new UsageError(h.errors.unknownCommand(arg));
  }
  return null;
}

/** Runs the program on argv (without node and script) and returns the exit code. */
export async function runProgram(
  p: Program,
  argv: readonly string[],
  io: Output = processOutput,
): Promise<number> {
  const clients: AgentClient[] = [];
  let commandName: string | null = null;
  try {
    if (argv.includes('--version')) {
      io.out(`${p.name} ${VERSION}`);
      return ExitCode.Ok;
    }
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    let found: ReturnType<typeof findCommand>;
    try {
      found = findCommand(p, argv);
    } catch (err) {
      // "elevatectl code --help": a group's help is the program's list, which names its commands.
      if (wantsHelp && err instanceof UsageError) found = null;
      else throw err;
    }
    if (!found) {
      if (wantsHelp) {
        io.out(programHelp(p));
        return ExitCode.Ok;
      }
      throw new UsageError(h.errors.noCommand);
    }
    commandName = found.name;
    const command = p.commands[found.name] as Command;
    const args = parseArgs(command.spec, found.rest);
    if (args.flags.help) {
      io.out(commandHelp(p, found.name));
      return ExitCode.Ok;
    }
    const json = args.flags.json === true;
    const socketPath = stringFlag(args, 'socket') ?? clientSocketPath();
    const ctx: CommandContext = {
      program: p.name,
      json,
      socketPath,
      io,
      async connect() {
        const client = await AgentClient.connect({ socketPath, client: p.name, locale: cliLocale });
        clients.push(client);
        return client;
      },
      print(value, render) {
        io.out(json ? JSON.stringify(value) : render());
      },
    };
    return await command.run(args, ctx);
  } catch (err) {
    io.err(`${p.name}: ${describeFailure(err)}`);
    if (err instanceof UsageError) {
      const on = err.command ?? commandName;
      io.err(h.runHelp(on ? `${p.name} ${on}` : p.name));
    }
    return exitCodeFor(err);
  } finally {
    for (const c of clients) c.close();
  }
}

function describeFailure(err: unknown): string {
  if (err instanceof AgentUnavailableError) return unreachableSentence(err);
  return messageFor(err);
}
