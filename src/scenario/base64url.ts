// base64url (RFC 4648 §5, no padding) over bytes, for scenario links. Built on the engine's
// base64 codec (the engine layer has no atob/btoa), so the browser, the worker and Node agree.
import { decodeBase64, encodeBase64 } from '../engine/security/base64';

export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Decodes base64url (padding '=' tolerated); returns undefined on any character outside the alphabet
 * or an impossible length, instead of throwing. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  const s = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  return decodeBase64(s.replace(/-/g, '+').replace(/_/g, '/')) ?? undefined;
}
