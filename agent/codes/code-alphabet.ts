/**
 * Codes read aloud over the phone: Crockford's base32 (no I, L, O, U, so nothing reads as
 * another letter), case-insensitive, with O read as 0 and I/L as 1, and one check character
 * so that a mistyped code is caught on the keyboard instead of costing one of the tries.
 */
/** 7 data characters (1 level bit + 34 nonce bits) and a check character. */
export const REQUEST_CODE_LENGTH = 8;
/** 9 data characters (level, duration, minute, MAC) and a check character. */
export const APPROVAL_CODE_LENGTH = 10;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS_PER_CHAR = 5;

/** What a person may type for each character, folded onto the alphabet. */
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** Packs `bits` (most significant first) into ceil(bits/5) characters. */
export function encodeBits(value: bigint, bits: number): string {
  const chars = Math.ceil(bits / BITS_PER_CHAR);
  let out = '';
  for (let i = chars - 1; i >= 0; i--) {
    out += ALPHABET[Number((value >> BigInt(i * BITS_PER_CHAR)) & 31n)];
  }
  return out;
}

export function decodeBits(chars: string): bigint {
  let value = 0n;
  for (const c of chars) value = (value << 5n) | BigInt(ALPHABET.indexOf(c));
  return value;
}

/**
 * The check character: a weighted sum of the character values mod 31, so every single wrong
 * character and every swap of two neighbours changes it (31 is prime and the weights stay
 * below it), except a 0 typed for a Z or the reverse (values 0 and 31).
 */
export function checkChar(chars: string): string {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (i + 1) * ALPHABET.indexOf(chars[i] as string);
  return ALPHABET[sum % 31] as string;
}

/** Upper-cases, drops spaces and dashes, folds look-alikes; null if anything else is left. */
export function normalizeCode(typed: string): string | null {
  let out = '';
  for (const raw of typed.toUpperCase()) {
    if (raw === '-' || raw === ' ' || raw === '\t') continue;
    const c = ALIASES[raw] ?? raw;
    if (!ALPHABET.includes(c)) return null;
    out += c;
  }
  return out;
}

/** "K7QF2M9X" → "K7QF-2M9X": two halves are easier to read aloud and to type back. */
export function groupForReading(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

export type CheckedCode =
  { ok: true; data: string } | { ok: false; problem: 'length' | 'characters' | 'check' };

/** Normalises a typed code of `length` characters (data + check) and verifies its check. */
export function readCheckedCode(typed: string, length: number): CheckedCode {
  const code = normalizeCode(typed);
  if (code === null) return { ok: false, problem: 'characters' };
  if (code.length !== length) return { ok: false, problem: 'length' };
  const data = code.slice(0, -1);
  if (checkChar(data) !== code.slice(-1)) return { ok: false, problem: 'check' };
  return { ok: true, data };
}

export function withCheck(data: string): string {
  return data + checkChar(data);
}
