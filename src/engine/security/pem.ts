// Public keys for signed URLs (spec §10.4): a PEM 'PUBLIC KEY' (SubjectPublicKeyInfo, what the
// CloudFront console takes) or 'RSA PUBLIC KEY' (PKCS#1), read with a tiny DER reader.
import { decodeBase64 } from './base64';

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
}

/** rsaEncryption, OID 1.2.840.113549.1.1.1, DER-encoded contents. */
const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

class Der {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    start = 0,
    readonly end = b.length,
  ) {
    this.pos = start;
  }

  /** Reads one TLV of the expected tag; returns the [start, end) of its contents. */
  read(tag: number, what: string): [number, number] {
    if (this.pos >= this.end || this.b[this.pos] !== tag) {
      throw new Error(`the key's DER structure is not as expected (looking for ${what})`);
    }
    let p = this.pos + 1;
    let len = this.b[p++];
    if (len & 0x80) {
      const count = len & 0x7f;
      if (count === 0 || count > 4) throw new Error(`unsupported DER length in ${what}`);
      len = 0;
      for (let i = 0; i < count; i++) len = len * 256 + this.b[p++];
    }
    if (p + len > this.end) throw new Error(`the key is truncated (in ${what})`);
    this.pos = p + len;
    return [p, p + len];
  }
}

function toBigInt(b: Uint8Array, start: number, end: number): bigint {
  let hex = '';
  for (let i = start; i < end; i++) hex += b[i].toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt('0x' + hex);
}

function readRsaPublicKey(b: Uint8Array, start: number, end: number): RsaPublicKey {
  const outer = new Der(b, start, end);
  const [s, e] = outer.read(0x30, 'RSAPublicKey sequence');
  const inner = new Der(b, s, e);
  const [ns, ne] = inner.read(0x02, 'modulus');
  const [es, ee] = inner.read(0x02, 'exponent');
  return { n: toBigInt(b, ns, ne), e: toBigInt(b, es, ee) };
}

function readSpki(b: Uint8Array): RsaPublicKey {
  const top = new Der(b);
  const [s, e] = top.read(0x30, 'SubjectPublicKeyInfo');
  const spki = new Der(b, s, e);
  const [as, ae] = spki.read(0x30, 'AlgorithmIdentifier');
  const [os, oe] = new Der(b, as, ae).read(0x06, 'algorithm OID');
  const oid = b.subarray(os, oe);
  if (oid.length !== RSA_OID.length || RSA_OID.some((v, i) => oid[i] !== v)) {
    throw new Error('it is not an RSA key; CloudFront signed URLs in EdgeLab need a 2048-bit RSA public key');
  }
  const [bs, be] = spki.read(0x03, 'subjectPublicKey bit string');
  // The first content byte of a BIT STRING counts unused bits (0 here).
  return readRsaPublicKey(b, bs + 1, be);
}

/** Parses a PEM public key. Throws an Error saying what is wrong with it. */
export function parsePublicKeyPem(pem: string): RsaPublicKey {
  const m = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END (RSA )?PUBLIC KEY-----/.exec(pem);
  if (!m) {
    throw new Error(
      'Not a PEM public key: expected a "-----BEGIN PUBLIC KEY-----" block (the key CloudFront shows for a public key).',
    );
  }
  const der = decodeBase64(m[2]);
  if (!der) throw new Error('The PEM public key body is not valid base64.');
  try {
    return m[1] ? readRsaPublicKey(der, 0, der.length) : readSpki(der);
  } catch (err) {
    throw new Error(`Cannot read the PEM public key: ${(err as Error).message}.`, { cause: err });
  }
}
