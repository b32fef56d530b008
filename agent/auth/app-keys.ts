/** App keys (PROTOCOL.md): Ed25519 public keys in base64 SPKI DER, and signature checks. */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { signingPayload } from '../protocol/canonical-json.js';

export function parseAppPublicKey(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({
      key: Buffer.from(base64, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function verifyRequestSignature(
  publicKeyBase64: string,
  nonce: string,
  method: string,
  params: Record<string, unknown>,
): boolean {
  const key = parseAppPublicKey(publicKeyBase64);
  const sig = params.signature;
  if (!key || typeof sig !== 'string') return false;
  try {
    return verify(null, signingPayload(nonce, method, params), key, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}
