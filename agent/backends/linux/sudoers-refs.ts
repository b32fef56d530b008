/**
 * What sudoers files refer to, read as sudoers(5) (sudo 1.9) writes them, for the
 * end-of-session check: the groups whose members the rules give rights (so joining such a
 * group during a grant is seen as a way back to root), and the files sudo reads next
 * (@include, @includedir and their older #include spellings, so a file outside sudoers.d
 * that the main file includes is watched too). Plain functions over file text.
 */
import { posix } from 'node:path';
import { logicalLines } from './sudoers-rules.js';

export interface GroupRefs {
  /** `%name` items of user lists and User_Alias definitions. */
  names: string[];
  /** `%#gid` items. */
  gids: number[];
}

/** Lines that name no user list (Defaults: a group there changes options, not rights). */
const NOT_A_USER_LIST = /^(Defaults\b|(Runas|Host|Cmnd|Cmd)_Alias\b|@include)/;

/**
 * Every group named where sudo matches the invoking user: rule user lists and User_Alias
 * definitions (an alias is only ever used in a user list). Negated items count too: watching
 * more groups only costs a comparison. Non-Unix groups (`%:name`) and netgroups are left out
 * (sudo asks a group plugin or NIS for those, not the group database).
 */
export function sudoersGroupRefs(texts: string[]): GroupRefs {
  const names = new Set<string>();
  const gids = new Set<number>();
  const take = (list: string): void => {
    for (const raw of list.split(',')) {
      const item = raw
        .trim()
        .replace(/^!+\s*/, '')
        .replace(/^"(.*)"$/, '$1');
      if (item.startsWith('%#') && /^\d+$/.test(item.slice(2))) gids.add(Number(item.slice(2)));
      else if (item.startsWith('%') && !item.startsWith('%:') && item.length > 1)
        names.add(item.slice(1).replace(/\\(.)/g, '$1'));
    }
  };
  for (const text of texts) {
    for (const line of logicalLines(text)) {
      if (NOT_A_USER_LIST.test(line)) continue;
      const alias = /^User_Alias\s+(.*)$/.exec(line);
      if (alias) {
        // NAME = list : NAME2 = list
        for (const def of alias[1]!.split(':')) take(def.slice(def.indexOf('=') + 1));
        continue;
      }
      const spec = /^((?:[^\s,]+\s*,\s*)*[^\s,]+)\s+[^=]+?=/.exec(line);
      if (spec) take(spec[1]!);
    }
  }
  return { names: [...names].sort(), gids: [...gids].sort((a, b) => a - b) };
}

export interface IncludeDirective {
  /** Absolute path as sudo resolves it (relative paths are taken from the including file's directory). */
  path: string;
  dir: boolean;
}

/**
 * The include directives of one file, in order. `%h` is the short host name, as sudo expands
 * it. `from` is the absolute path of the file they appear in.
 */
export function sudoersIncludes(text: string, from: string, host: string): IncludeDirective[] {
  const out: IncludeDirective[] = [];
  for (const raw of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const m = /^\s*[@#]include(dir)?\s+(.+?)\s*$/.exec(raw);
    if (!m) continue;
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(m[2]!);
    const path = (quoted ? quoted[1]! : m[2]!.split(/\s/)[0]!)
      .replace(/\\(.)/g, '$1')
      .replace(/%h/g, host.split('.')[0]!);
    out.push({ path: posix.resolve(posix.dirname(from), path), dir: m[1] === 'dir' });
  }
  return out;
}
