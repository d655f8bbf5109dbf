// What the origin stage hands to storage: an origin's (or a function's) answer in the shape
// storage reads, and the same answer marked never to be stored.
import type { HeaderMap } from '../http/model';
import { utf8ByteLength } from '../security/utf8';
import { StoredObject } from './model';
import type { OriginAnswer } from './storage';

/** A function's response in the shape storage reads. */
export function answerOfResponse(
  r: { status: number; headers: HeaderMap; body?: string; bodySize: number },
  method: string,
  generatedBy: OriginAnswer['generatedBy'],
): OriginAnswer {
  return answerOf(r.status, r.headers, r.body, r.bodySize, method, generatedBy);
}

/** An origin or function response in the shape storage reads. bodySize < 0 = unknown.
 * (Fields, not an object: run() calls it once per miss.) */
export function answerOf(
  status: number,
  headers: HeaderMap,
  body: string | undefined,
  bodySize: number,
  method: string,
  generatedBy: OriginAnswer['generatedBy'],
): OriginAnswer {
  let size = bodySize;
  if (!(size >= 0)) {
    if (body !== undefined) size = utf8ByteLength(body);
    else {
      const cl = Number(headers['content-length']?.[0]);
      size = Number.isFinite(cl) && cl >= 0 ? cl : 0;
    }
  }
  if (method === 'HEAD')
    return { status, headers, body: undefined, bodySize: 0, generatedBy, errorType: null };
  return { status, headers, body, bodySize: size, generatedBy, errorType: null };
}

/** The same answer, never stored by any tier. */
export function withoutCaching(o: StoredObject): StoredObject {
  if (!o.cacheable) return o;
  return new StoredObject(
    o.status,
    o.headers,
    o.body,
    o.bodySize,
    o.storedAt,
    0,
    0,
    -1,
    o.etag,
    o.lastModified,
    false,
    true,
    false,
    o.invTarget,
    o.originId,
    o.generatedBy,
    o.errorType,
    o.encoding,
    o.fetchSeq,
    o.availableAt,
  );
}
