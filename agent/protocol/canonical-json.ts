/** Canonical JSON for signatures: object keys sorted, no white space (PROTOCOL.md, app keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The bytes an app key signs: nonce + "\n" + method + "\n" + canonicalJSON(params without signature). */
export function signingPayload(nonce: string, method: string, params: unknown): Buffer {
  const rest: Record<string, unknown> =
    params !== null && typeof params === 'object' && !Array.isArray(params)
      ? { ...(params as Record<string, unknown>) }
      : {};
  delete rest.signature;
  return Buffer.from(`${nonce}\n${method}\n${canonicalJson(rest)}`, 'utf8');
}
