// The common viewer-request result — the event's own request object, method and query string
// and cookies untouched, headers either untouched or plain { value } entries — turned straight
// into the EdgeRequest that decodeCfRequest (cfDecode.ts) would make from the reply, without
// the reply. Any other shape, and any result decodeCfRequest would refuse, returns undefined
// and takes the general road (reply fields, then decodeCfRequest), which words the errors.
// fastPath.test.ts checks both roads give the same request.

import type { EdgeRequest } from '../../http/model';
import type { CfSnapshot } from '../cfEncode';
import { assemble } from '../cfDecode';
import { CLOUDFRONT_FUNCTION_LIMITS } from '../limits';
import { checkHeaders } from '../wire';
import { isObj, Special, type Obj } from './machine';

/** The request the function continues with, or undefined: decode it the general way. */
export function directRequest(r: Obj, snap: CfSnapshot): EdgeRequest | undefined {
  const orig = snap.request;
  if (r.method !== orig.method) return undefined; // read-only (or not a plain string)
  const uri = r.uri;
  if (typeof uri !== 'string' || !uri.startsWith('/')) return undefined;
  // untouched maps are still the event's lazy fields
  if (!(r.querystring instanceof Special) || !(r.cookies instanceof Special)) return undefined;
  if (uri.length + orig.querystring.length >= CLOUDFRONT_FUNCTION_LIMITS.maxUriLength) return undefined;
  const h = r.headers;
  let visible: Map<string, string[]>;
  if (h instanceof Special) visible = snap.headers;
  else {
    if (!isObj(h)) return undefined;
    visible = new Map();
    for (const name of Object.keys(h)) {
      const e = h[name];
      if (!isObj(e) || e.multiValue !== undefined || e.attributes !== undefined) return undefined;
      const value = e.value;
      if (typeof value !== 'string') return undefined;
      const original = snap.headers.get(name);
      // decodeCfRequest's rule: a changed value replaces the first occurrence, later ones stay
      visible.set(
        name,
        original === undefined ? [value] : value === original[0] ? original : [value, ...original.slice(1)],
      );
    }
  }
  if (checkHeaders('viewer-request', snap.headers, visible, 'request')) return undefined;
  const request: EdgeRequest = {
    method: orig.method,
    uri,
    querystring: orig.querystring,
    headers: assemble(visible, snap.hiddenHeaders, 'cookie', orig.headers['cookie']),
    clientIp: orig.clientIp,
  };
  if (orig.body !== undefined) request.body = orig.body;
  return request;
}
