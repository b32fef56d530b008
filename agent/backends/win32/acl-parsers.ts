/**
 * Reads `icacls DIR` (WC/icacls) and checks a directory's access list against what the agent
 * set. icacls prints the path, a space and the first entry, then one entry a line indented
 * under it, then a blank line and "Successfully processed 1 files; Failed processing 0 files"
 * (localised). An entry is `PRINCIPAL:(FLAG)…(RIGHTS)`: PRINCIPAL is the account's localised
 * name, or the SID when it maps to no account; (I) marks an inherited entry, (DENY) a deny
 * entry, (OI)(CI)(IO)(NP) inheritance flags, then F/M/RX/R/W or specific rights (RD,X,…).
 * Fixtures: test/fixtures/win32/icacls-*.json (each cites its source).
 */

export interface AclEntry {
  principal: string;
  inherited: boolean;
  deny: boolean;
  /** Rights only (F, RX, RD, X…), flags removed. */
  rights: string[];
}

const FLAGS = new Set(['I', 'OI', 'CI', 'IO', 'NP', 'DENY']);
const ENTRY = /^(.+?):((?:\([A-Z,]+\))+)$/;

export function parseIcacls(stdout: string, path: string): AclEntry[] {
  const lines = stdout.split(/\r?\n/);
  const first = lines.findIndex((l) => l.toLowerCase().startsWith(`${path.toLowerCase()} `));
  if (first < 0) throw new Error(`icacls printed no access list for ${path}.`);
  const entries: AclEntry[] = [];
  for (let i = first; i < lines.length; i++) {
    const text = (i === first ? lines[i]!.slice(path.length + 1) : lines[i]!).trim();
    if (text === '') break;
    const m = ENTRY.exec(text);
    if (!m) throw new Error(`icacls printed an entry that cannot be read: ${text}`);
    const tokens = m[2]!
      .slice(1, -1)
      .split(')(')
      .flatMap((g) => g.split(','));
    entries.push({
      principal: m[1]!,
      inherited: tokens.includes('I'),
      deny: tokens.includes('DENY'),
      rights: tokens.filter((t) => !FLAGS.has(t)),
    });
  }
  return entries;
}

export interface Expected {
  /** Names icacls may print for the principal: its localised name and its SID. */
  names: string[];
  /** Full control (F), or read-only rights at most (the state dir's Users entry). */
  access: 'full' | 'read';
}

/** Rights that let nobody write, delete or change the access list. */
const READ_ONLY = new Set(['R', 'RX', 'RD', 'X', 'S', 'RA', 'REA', 'RC', 'GR', 'GE']);

/**
 * Why the entries are not exactly the expected ones (null when they are): no inherited entry,
 * no principal besides the expected, each expected one present with its access.
 */
export function aclMismatch(entries: AclEntry[], expected: Expected[]): string | null {
  const find = (e: AclEntry) =>
    expected.find((x) => x.names.some((n) => n.toLowerCase() === e.principal.toLowerCase()));
  for (const e of entries) {
    if (e.inherited) return `${e.principal} still has inherited access`;
    const x = find(e);
    if (!x) return `${e.principal} has access it must not have`;
    if (e.deny) continue;
    if (x.access === 'read' && !e.rights.every((r) => READ_ONLY.has(r)))
      return `${e.principal} may change it`;
  }
  for (const x of expected) {
    const granted = entries.filter((e) => !e.deny && find(e) === x);
    if (granted.length === 0) return `${x.names[0]} has no access`;
    if (x.access === 'full' && !granted.some((e) => e.rights.includes('F')))
      return `${x.names[0]} lacks full control`;
  }
  return null;
}
