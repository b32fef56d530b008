import { BUILT_IN_DEFAULTS, type PolicyFile, type PolicySettings } from './policy-schema.js';

/**
 * A user's effective settings: built-in defaults, then the file's defaults, then the first
 * rule naming the user or one of their groups (POLICY.md). `groupKey` is how the OS compares
 * group names (UserDirectory.groupNameKey: Windows without case); exact by default.
 */
export function effectivePolicy(
  policy: PolicyFile,
  user: string,
  groups: readonly string[],
  groupKey: (name: string) => string = (name) => name,
): PolicySettings {
  const settings: PolicySettings = { ...BUILT_IN_DEFAULTS, ...definedOnly(policy.defaults ?? {}) };
  const mine = new Set(groups.map(groupKey));
  const rule = (policy.rules ?? []).find(
    (r) => r.users?.includes(user) || r.groups?.some((g) => mine.has(groupKey(g))),
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
