// The fast path's side of the wire (preludeBridge.ts is QuickJS's): the same event object,
// key for key and with the same lazy maps, built from the same input string; and the same
// reply string from what the handler returned. Replies that are not a request or a response
// (errors, unusable values) are left to QuickJS, which words them.

import type { CfSnapshot } from '../cfEncode';
import type { FunctionContext } from '../types';
import { ITEM_SEP, READ_IP, READ_REQUEST_ID, reasonPhrase, SEP, type Reply } from '../wire';
import { RANDOM } from './builtins';
import {
  bail,
  FastFn,
  isObj,
  newObj,
  OBJECT_PROTO_NAMES,
  poll,
  R,
  readProp,
  Special,
  typeOf,
  type Obj,
} from './machine';

// Poll points of the bridge's lazy-map getter (materialize + addEntry per item), measured
// against QuickJS in fastPath.test.ts.
const MAP_COST = {
  empty: 6,
  nonEmpty: 2,
  distinct: 7,
  distinctInherited: 10,
  distinctProto: 12,
  firstRepeat: 12,
  laterRepeat: 11,
  setter: 3,
};

interface LazyState {
  request: Obj | null;
  response: Obj | null;
  /** touched flags: request qs, headers, cookies; response headers, cookies */
  touched: boolean[];
}
/** The event's request object of the invocation in flight. */
export const lazyRequest = (): Obj | null => LAZY.request;

const LAZY: LazyState = { request: null, response: null, touched: [false, false, false, false, false] };

function materialize(a: string[]): Obj {
  const o = newObj();
  if (a.length === 0) {
    poll(MAP_COST.empty);
    return o;
  }
  let cost = MAP_COST.empty + MAP_COST.nonEmpty;
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i];
    const item = newObj();
    item.value = a[i + 1];
    const e = Object.prototype.hasOwnProperty.call(o, k) ? (o[k] as Obj) : undefined;
    if (e === undefined) {
      cost +=
        k === '__proto__'
          ? MAP_COST.distinctProto
          : OBJECT_PROTO_NAMES.has(k) // inherited in QuickJS: addEntry takes a longer path
            ? MAP_COST.distinctInherited
            : MAP_COST.distinct;
      o[k] = item;
    } else {
      let mv = e.multiValue;
      if (mv === undefined) {
        cost += MAP_COST.firstRepeat;
        const first = newObj();
        first.value = e.value;
        mv = e.multiValue = [first];
      } else cost += MAP_COST.laterRepeat;
      if (!Array.isArray(mv)) return bail();
      mv.push(item);
    }
  }
  poll(cost);
  return o;
}

/** A query string, header or cookie map, built on first use (the bridge's lazyMap). */
class LazyMap extends Special {
  constructor(
    private readonly items: string[],
    private readonly flag: number,
    private readonly withAttrs: boolean,
  ) {
    super();
  }
  get(owner: Obj, key: string): unknown {
    if (this.withAttrs) return bail(); // Set-Cookie attributes: QuickJS only
    const v = materialize(this.items);
    LAZY.touched[this.flag] = true;
    owner[key] = v; // from now on a plain property, in the same place
    return v;
  }
  set(owner: Obj, key: string, v: unknown): void {
    poll(MAP_COST.setter);
    LAZY.touched[this.flag] = true;
    owner[key] = v;
  }
}

/** context.requestId, taken from the context only when the function reads it. */
class RequestIdField extends Special {
  private value: unknown;
  private read = false;
  constructor(
    private readonly ctx: FunctionContext,
    private readonly flag: number,
  ) {
    super();
  }
  get(): unknown {
    poll(1);
    R.flags |= this.flag;
    if (!this.read) {
      this.read = true;
      const id = this.ctx.requestId;
      if (wireUnsafe(id)) bail(); // QuickJS would see it escaped
      this.value = id;
    }
    return this.value;
  }
  set(_owner: Obj, _key: string, v: unknown): void {
    poll(1);
    this.read = true;
    this.value = v;
  }
  /** for JSON.stringify, after checkJson has read it */
  get printed(): unknown {
    return this.value;
  }
}

/** viewer.ip: reading it makes a result depend on the viewer. */
class Tracked extends Special {
  constructor(
    public value: unknown,
    private readonly flag: number,
  ) {
    super();
  }
  get(): unknown {
    poll(1);
    R.flags |= this.flag;
    return this.value;
  }
  set(_owner: Obj, _key: string, v: unknown): void {
    poll(1);
    this.value = v;
  }
}

/** QuickJS sees these escaped (wireSafe): an event holding them is QuickJS's to run. */
function wireUnsafe(v: string): boolean {
  return v.indexOf(SEP) >= 0 || v.indexOf(ITEM_SEP) >= 0;
}
function anyWireUnsafe(items: readonly string[]): boolean {
  for (const v of items) if (wireUnsafe(v)) return true;
  return false;
}

/** The event, key for key as preludeBridge.ts buildCffEvent builds it from the wire. */
export function buildEvent(snap: CfSnapshot, ctx: FunctionContext, seedOf: () => number): Obj {
  const request = snap.request;
  if (
    wireUnsafe(request.clientIp) ||
    wireUnsafe(ctx.distributionDomainName) ||
    wireUnsafe(ctx.distributionId) ||
    wireUnsafe(request.method) ||
    wireUnsafe(request.uri) ||
    anyWireUnsafe(snap.qs) ||
    anyWireUnsafe(snap.headerItems) ||
    anyWireUnsafe(snap.cookies)
  )
    bail();
  R.flags = 0;
  RANDOM.now = ctx.wallClockMs;
  RANDOM.seedOf = seedOf; // read by the first Math.random() only (builtins.ts)
  LAZY.touched.fill(false);
  const req = newObj();
  req.method = request.method;
  req.uri = request.uri;
  req.querystring = new LazyMap(snap.qs, 0, false);
  req.headers = new LazyMap(snap.headerItems, 1, false);
  req.cookies = new LazyMap(snap.cookies, 2, false);
  LAZY.request = req;
  const context = newObj();
  context.distributionDomainName = ctx.distributionDomainName;
  context.distributionId = ctx.distributionId;
  context.eventType = snap.eventType;
  context.requestId = new RequestIdField(ctx, READ_REQUEST_ID);
  const viewer = newObj();
  viewer.ip = new Tracked(request.clientIp, READ_IP);
  const ev = newObj();
  ev.version = '1.0';
  ev.context = context;
  ev.viewer = viewer;
  ev.request = req;
  LAZY.response = null;
  const response = snap.response;
  if (snap.resItems && response) {
    const description = response.statusDescription ?? reasonPhrase(response.status);
    if (wireUnsafe(description) || anyWireUnsafe(snap.resItems) || anyWireUnsafe(snap.setCookies ?? []))
      bail();
    const res = newObj();
    res.statusCode = response.status;
    res.statusDescription = description;
    res.headers = new LazyMap(snap.resItems, 3, false);
    res.cookies = new LazyMap(snap.setCookies ?? [], 4, true);
    ev.response = LAZY.response = res;
  }
  return ev;
}

// ---- reply encoding: preludeBridge.ts's putRequest / putResponse / finish, line for line ----

function peek(o: unknown, k: string): unknown {
  if (isObj(o)) return readProp(o, k);
  if (Array.isArray(o)) return undefined; // the reply reads no name arrays have
  return bail();
}

const isObject = (v: unknown) => v !== null && typeOf(v) === 'object';

function pv(v: unknown): string {
  const t = typeOf(v);
  if (t === 'string') return 's' + (v as string);
  if (t === 'number' || t === 'boolean') return 'n' + String(v);
  if (v === undefined || v === null) return 'u';
  return 'x';
}

function escBody(s: string): string {
  return s.indexOf(SEP) < 0 && s.indexOf(ITEM_SEP) < 0
    ? s
    : s.split(ITEM_SEP).join('\x1e0').split(SEP).join('\x1e1');
}

function putMap(out: string[], m: unknown, withAttrs: boolean): void {
  if (m === undefined) {
    out.push('-');
    return;
  }
  if (!isObject(m)) {
    out.push('!');
    return;
  }
  if (!isObj(m) && !Array.isArray(m)) bail();
  const keys = Object.keys(m);
  out.push(String(keys.length));
  for (const k of keys) {
    const e = isObj(m) ? readProp(m, k) : (m as unknown[])[Number(k)];
    if (!isObject(e)) {
      out.push(k, 'x');
      if (withAttrs) out.push('u');
      out.push('0');
      continue;
    }
    const v = peek(e, 'value');
    out.push(k, typeof v === 'string' ? 's' + v : pv(v));
    if (withAttrs) out.push(pv(peek(e, 'attributes')));
    const mv = peek(e, 'multiValue');
    if (!Array.isArray(mv)) {
      out.push(mv === undefined || mv === null ? '0' : '!');
      continue;
    }
    out.push(String(mv.length));
    for (const x of mv) {
      if (!isObject(x)) {
        out.push('x');
        if (withAttrs) out.push('u');
        continue;
      }
      out.push(pv(peek(x, 'value')));
      if (withAttrs) out.push(pv(peek(x, 'attributes')));
    }
  }
}

function putField(
  out: string[],
  owner: unknown,
  lazyOwner: Obj | null,
  key: string,
  flag: number,
  withAttrs: boolean,
): void {
  if (owner === lazyOwner && !LAZY.touched[flag]) out.push('-');
  else putMap(out, peek(owner, key), withAttrs);
}

/** The reply, already split: QuickJS's would be `fields.join(SEP)` plus the log count (none:
 *  console output is QuickJS's, the fast path refuses console) and the field count. */
function finish(out: string[]): Reply {
  // a U+001F inside a value: QuickJS's reply would fail its field count ("tampered"); let
  // QuickJS say so
  for (let i = 2; i < out.length; i++) if (out[i].indexOf(SEP) >= 0) bail();
  return { status: out[0], flags: R.flags, kvsReads: 0, logs: [], p: out.slice(2) };
}

/** The reply for a handler's return value, or a bail for anything but a request / response. */
export function encodeResult(kind: string, r: unknown): Reply {
  if (!isObject(r)) return bail();
  if (!isObj(r) && !Array.isArray(r)) return bail();
  if (isObj(r) && readProp(r, 'then') instanceof FastFn) return bail(); // a thenable
  const isResponse = isObj(r) && 'statusCode' in r;
  if (kind === 'viewer-response' && !isResponse) return bail();
  const out = [isResponse ? 'res' : 'req', ''];
  if (isResponse) {
    out.push(pv(peek(r, 'statusCode')), pv(peek(r, 'statusDescription')));
    putField(out, r, LAZY.response, 'headers', 3, false);
    putField(out, r, LAZY.response, 'cookies', 4, true);
    const b = peek(r, 'body');
    if (b === undefined) out.push('-', '', '');
    else if (typeof b === 'string') out.push('t', '', escBody(b));
    else if (isObject(b)) out.push('o', pv(peek(b, 'encoding')), escBody(pv(peek(b, 'data'))));
    else out.push('x', '', '');
  } else {
    out.push(pv(peek(r, 'method')), pv(peek(r, 'uri')));
    putField(out, r, LAZY.request, 'querystring', 0, false);
    putField(out, r, LAZY.request, 'headers', 1, false);
    putField(out, r, LAZY.request, 'cookies', 2, false);
  }
  return finish(out);
}
