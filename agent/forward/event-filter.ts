/** Which audit events a sink wants, from its policy `events` filters. */
export type EventMatcher = (type: string) => boolean;

export function eventMatcher(filters: readonly string[]): EventMatcher {
  if (filters.includes('*')) return () => true;
  const exact = new Set(filters.filter((f) => !f.endsWith('.*')));
  // "privilege.*" keeps its dot so that it never matches a type such as "privileges.x".
  const prefixes = filters.filter((f) => f.endsWith('.*')).map((f) => f.slice(0, -1));
  return (type) => exact.has(type) || prefixes.some((p) => type.startsWith(p));
}
