// Base64 (RFC 4648) and CloudFront's URL-safe variant for signed URLs and cookies, where
// '+' -> '-', '=' -> '_', '/' -> '~' (spec §10.4; private-content-linux-openssl: tr '+=/' '-_~').
// Hand-written: atob/btoa are web APIs, not part of the engine's ECMAScript-only typecheck.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '=';
  }
  return out;
}

/** Decodes standard base64; whitespace is ignored and padding optional. Null when invalid. */
export function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/[\s]/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** CloudFront's URL-safe form of base64 text. */
export function toCloudFrontBase64(b64: string): string {
  return b64.replace(/[+=/]/g, (c) => (c === '+' ? '-' : c === '=' ? '_' : '~'));
}

/** Standard base64 from CloudFront's URL-safe form. */
export function fromCloudFrontBase64(s: string): string {
  return s.replace(/[-_~]/g, (c) => (c === '-' ? '+' : c === '_' ? '=' : '/'));
}

export const encodeCloudFrontBase64 = (bytes: Uint8Array): string => toCloudFrontBase64(encodeBase64(bytes));
export const decodeCloudFrontBase64 = (s: string): Uint8Array | null => decodeBase64(fromCloudFrontBase64(s));
