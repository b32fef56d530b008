/**
 * Who did something, as a person reads it. The agent records the account that acted (PROTOCOL.md
 * `actor`, snapshot `grantedBy`, `decidedBy`, `ended.by`): an admin's name, the person's own,
 * `root` or `NT AUTHORITY\SYSTEM` when `elevatectl` ran under a management tool, `agent` when the
 * agent itself acted (expiry, a screen lock), `policy` for a self-serve approval and `code:<key>`
 * for a help-desk approval code. Account names of the system are internals to a person: an
 * administrator acted. Each surface turns an Actor into words from its own catalogue. Pure.
 */

export type ActorRole = 'you' | 'admin' | 'helpdesk' | 'elevate' | 'policy';
/** A role the catalogue names, or an administrator's own account name, shown as it is. */
export type Actor = ActorRole | { name: string };

/**
 * The built-in accounts an MDM or script runs `elevatectl` as: root, Windows' LocalSystem by
 * SID or by name, including translated authority names ("NT-AUTORITÄT\SYSTEM", "AUTORITE NT\Système").
 */
function isSystemAccount(by: string): boolean {
  const name = by.trim().toLowerCase();
  if (['root', 'system', 'localsystem', 's-1-5-18'].includes(name)) return true;
  const slash = name.lastIndexOf('\\');
  if (slash < 0) return false;
  const authority = name.slice(0, slash);
  return (
    /^(system|système|sistema)$/.test(name.slice(slash + 1)) &&
    /(^|[\s-])nt([\s-]|$)/.test(authority)
  );
}

/** Who made a decision or ended rights (`decidedBy`, `ended.by`), for the person `user`. */
export function actorOf(by: string, user: string): Actor {
  if (by === user) return 'you';
  if (by === 'agent') return 'elevate';
  if (by === 'policy') return 'policy';
  if (by.startsWith('code:')) return 'helpdesk';
  if (isSystemAccount(by)) return 'admin';
  return { name: by };
}

/** Who gave a grant (`grantedBy`): under self-serve the person gave the rights to themself. */
export function granterOf(by: string, user: string): Actor {
  const actor = actorOf(by, user);
  return actor === 'policy' ? 'you' : actor;
}

/** The words for an Actor: a catalogue's phrase for a role, or the account name as it is. */
export function actorText(actor: Actor, phrases: Record<ActorRole, string>): string {
  return typeof actor === 'string' ? phrases[actor] : actor.name;
}
