import { BUILT_IN_DEFAULTS, type PolicyFile, type PolicySettings } from './policy-schema.js';

/**
 * A user's effective settings: built-in defaults, then the file's defaults, then the first
 * rule naming the user or one of their groups (POLICY.md). `nameKey` is how the OS compares
 * account and group names (UserDirectory.nameKey: Windows without case); exact by default.
 */
export function effectivePolicy(
  policy: PolicyFile,
  user: string,
  groups: readonly string[],
  nameKey: (name: string) => string = (name) => name,
): PolicySettings {
  const settings: PolicySettings = { ...BUILT_IN_DEFAULTS, ...definedOnly(policy.defaults ?? {}) };
  const me = nameKey(user);
  const mine = new Set(groups.map(nameKey));
  const rule = (policy.rules ?? []).find(
    (r) => r.users?.some((u) => nameKey(u) === me) || r.groups?.some((g) => mine.has(nameKey(g))),
  );
  if (rule) {
    const { users: _u, groups: _g, ...overrides } = rule;
    Object.assign(settings, definedOnly(overrides));
  }
  return { ...settings };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
