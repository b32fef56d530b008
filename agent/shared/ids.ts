import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
let counter = 0;

/**
 * Sortable unique ids (ULID-like: 10 chars of time, 16 of randomness) with a prefix:
 * `g_` grants, `r_` requests, `e_` events. Ids made in the same millisecond still sort in order.
 */
export function newId(prefix: string): string {
  const now = Date.now();
  counter = now === lastTime ? counter + 1 : 0;
  lastTime = now;
  let t = now;
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const seq = counter.toString(32).toUpperCase().padStart(4, '0');
  const rnd = randomBytes(12);
  let rand = '';
  for (const b of rnd) rand += ALPHABET[b % 32];
  return `${prefix}_${time}${seq}${rand}`;
}
