// JavaScript that runs INSIDE the sandbox, part 3 of 3: the bridge the host calls.
//
// Wire format (both directions): fields joined by U+001F. The host sends a CloudFront
// Functions event as a flat list (cfEncode.ts writes it) and the bridge builds the event
// object; what the handler returns goes back flat too (cfDecode.ts reads it). QuickJS's own
// JSON is the slow part of a call (~20 µs per event), so the hot CloudFront Functions path
// avoids it; Lambda@Edge events travel as JSON.
//
// Reply layout: [status, flags, ...payload, ...logLines, logCount, fieldCount]
//   status  req | res     a request / a response object was returned (payload: see put*)
//           json          payload is one JSON string (Lambda@Edge)
//           err           the handler threw (payload: message, line)
//           bad           the handler returned something unusable (payload: message)
//           pend          a promise is pending: the host runs the job queue, then calls settle()
//   flags   what the run read that makes it non-repeatable (Date, Math.random, viewer ip, request id),
//           bits 0-3, plus 16 x the number of KeyValueStore reads (wire.ts parseReply splits them)
//   fieldCount lets the host detect a U+001F smuggled inside a value.
// Values are tagged: 's'+string, 'n'+number/boolean, 'u' undefined/null, 'x' anything else.

export const PRELUDE_BRIDGE = String.raw`
var cffHandler = null, lambdaHandler = null, pending = null, trackReads = false;
var KVS_READ_UNIT = 16; // the flags field carries the KeyValueStore read count above its 4 flag bits (wire.ts)
var K_IP = Symbol('ip'), K_RID = Symbol('requestId');
var IP_DESC = { get: function () { S.flags |= F_IP; return this[K_IP]; }, set: function (v) { this[K_IP] = v; }, enumerable: true, configurable: true };
var RID_DESC = { get: function () { S.flags |= F_REQID; return this[K_RID]; }, set: function (v) { this[K_RID] = v; }, enumerable: true, configurable: true };
function tracked(obj, key, sym, desc, value) {
  // read tracking (for the host's result cache) only when the host asks for it
  if (!trackReads) { obj[key] = value; return; }
  obj[sym] = value;
  Object.defineProperty(obj, key, desc);
}

function finish(out) {
  out[1] = '' + (S.flags + S.kvs * KVS_READ_UNIT);
  for (var i = 0; i < S.logs.length; i++) out.push(S.logs[i]);
  out.push('' + S.logs.length);
  out.push('' + (out.length + 1));
  return out.join(SEP);
}
function lineOf(e) {
  try {
    var st = String(e.stack || ''), at = st.indexOf(cfg.file + ':');
    if (at < 0) return '';
    var m = /^:(\d+)/.exec(st.slice(at + cfg.file.length));
    return m ? m[1] : '';
  } catch (x) { return ''; }
}
function errorOut(e) {
  var msg;
  try {
    if (e instanceof Error) msg = (e.name || 'Error') + ': ' + e.message;
    else if (e === null) msg = 'the handler threw null';
    else if (e === undefined) msg = 'the handler threw undefined';
    else if (typeof e === 'object' || typeof e === 'function') msg = 'the handler threw ' + describe(e);
    else msg = 'the handler threw ' + (typeof e === 'string' ? JSON.stringify(e) : String(e));
  } catch (x) { msg = 'the handler threw a value that cannot be printed'; }
  return finish(['err', '', clean(msg), e instanceof Error ? lineOf(e) : '']);
}
function badOut(msg) { return finish(['bad', '', clean(msg)]); }

function pv(v) {
  var t = typeof v;
  if (t === 'string') return 's' + v;
  if (t === 'number' || t === 'boolean') return 'n' + v;
  if (v === undefined || v === null) return 'u';
  return 'x';
}
function escBody(s) { return s.indexOf(SEP) < 0 && s.indexOf('\x1e') < 0 ? s : s.replace(/\x1e/g, '\x1e0').replace(/\x1f/g, '\x1e1'); }

function addEntry(o, k, v, attrs, withAttrs) {
  var item = withAttrs && attrs ? { value: v, attributes: attrs } : { value: v };
  var e = o[k];
  if (e !== undefined && !hasOwn.call(o, k)) e = undefined; // an inherited name such as 'toString'
  if (e === undefined) {
    if (k === '__proto__') Object.defineProperty(o, k, { value: item, enumerable: true, writable: true, configurable: true });
    else o[k] = item;
  } else {
    if (e.multiValue === undefined) e.multiValue = [withAttrs && e.attributes ? { value: e.value, attributes: e.attributes } : { value: e.value }];
    e.multiValue.push(item);
  }
}

// Query string, headers and cookies are built only when the handler first touches them
// (most handlers touch one map at most). They start as own enumerable accessors with shared
// getters, so JSON, for-in and Object.keys see ordinary properties; the first read or write
// turns the accessor into a plain data property, so later reads cost nothing extra.
function lazyMap(key, withAttrs) {
  var lz = { key: key, raw: Symbol('raw'), touched: Symbol('touched'), withAttrs: withAttrs };
  lz.desc = {
    enumerable: true,
    configurable: true,
    get: function () { return settleMap(this, lz, materialize(this, lz)); },
    set: function (v) { settleMap(this, lz, v); },
  };
  return lz;
}
function settleMap(owner, lz, v) {
  owner[lz.touched] = true;
  Object.defineProperty(owner, lz.key, { value: v, enumerable: true, writable: true, configurable: true });
  return v;
}
function materialize(owner, lz) {
  var o = {}, s = owner[lz.raw], step = lz.withAttrs ? 3 : 2;
  if (s !== '') {
    var a = s.split('\x1e');
    for (var i = 0; i < a.length; i += step) addEntry(o, a[i], a[i + 1], a[i + 2], lz.withAttrs);
  }
  return o;
}
var REQ_QS = lazyMap('querystring', false), REQ_H = lazyMap('headers', false), REQ_C = lazyMap('cookies', false);
var RES_H = lazyMap('headers', false), RES_C = lazyMap('cookies', true);
var REQ_DESCS = { querystring: REQ_QS.desc, headers: REQ_H.desc, cookies: REQ_C.desc };
var RES_DESCS = { headers: RES_H.desc, cookies: RES_C.desc };

// [eventType, requestId, ip, now, seed, domain, distId, method, uri, qs, headers, cookies, (status, description, headers, setCookies)]
// each map is one field of items joined by U+001E
var lazyRequest = null, lazyResponse = null;
function buildCffEvent(a) {
  var req = { method: a[7], uri: a[8] };
  req[REQ_QS.raw] = a[9];
  req[REQ_H.raw] = a[10];
  req[REQ_C.raw] = a[11];
  Object.defineProperties(req, REQ_DESCS);
  lazyRequest = req;
  var context = { distributionDomainName: a[5], distributionId: a[6], eventType: a[0] };
  tracked(context, 'requestId', K_RID, RID_DESC, a[1]);
  var viewer = {};
  tracked(viewer, 'ip', K_IP, IP_DESC, a[2]);
  var ev = { version: '1.0', context: context, viewer: viewer, request: req };
  lazyResponse = null;
  if (a[0] === 'viewer-response') {
    var res = { statusCode: +a[12], statusDescription: a[13] };
    res[RES_H.raw] = a[14];
    res[RES_C.raw] = a[15];
    Object.defineProperties(res, RES_DESCS);
    ev.response = lazyResponse = res;
  }
  return ev;
}

// Map encoding: '-' untouched, '!' not an object, else a count then per entry: name, value,
// [attributes], multiValue count ('!' when not an array), values. The host compares with
// what it sent (cheaper there than marking untouched entries here).
function putMap(out, m, withAttrs) {
  if (m === undefined) { out.push('-'); return; }
  if (m === null || typeof m !== 'object') { out.push('!'); return; }
  var keys = Object.keys(m);
  out.push('' + keys.length);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i], e = m[k];
    if (e === null || typeof e !== 'object') { out.push(k, 'x'); if (withAttrs) out.push('u'); out.push('0'); continue; }
    var v = e.value;
    out.push(k, typeof v === 'string' ? 's' + v : pv(v));
    if (withAttrs) out.push(pv(e.attributes));
    var mv = e.multiValue;
    if (!Array.isArray(mv)) { out.push(mv === undefined || mv === null ? '0' : '!'); continue; }
    out.push('' + mv.length);
    for (var q = 0; q < mv.length; q++) {
      var x = mv[q];
      if (x === null || typeof x !== 'object') { out.push('x'); if (withAttrs) out.push('u'); continue; }
      out.push(pv(x.value));
      if (withAttrs) out.push(pv(x.attributes));
    }
  }
}
function putField(out, owner, lazyOwner, lz) {
  if (owner === lazyOwner && owner[lz.touched] !== true) out.push('-'); // never read or written
  else putMap(out, owner[lz.key], lz.withAttrs);
}
function putRequest(out, r) {
  out.push(pv(r.method), pv(r.uri));
  putField(out, r, lazyRequest, REQ_QS);
  putField(out, r, lazyRequest, REQ_H);
  putField(out, r, lazyRequest, REQ_C);
}
function putResponse(out, r) {
  out.push(pv(r.statusCode), pv(r.statusDescription));
  putField(out, r, lazyResponse, RES_H);
  putField(out, r, lazyResponse, RES_C);
  var b = r.body;
  if (b === undefined) out.push('-', '', '');
  else if (typeof b === 'string') out.push('t', '', escBody(b));
  else if (b !== null && typeof b === 'object') out.push('o', pv(b.encoding), escBody(pv(b.data)));
  else out.push('x', '', '');
}

function thenable(r) { return r !== null && (typeof r === 'object' || typeof r === 'function') && typeof r.then === 'function'; }
function whenSettled(r, next) {
  var box = { state: 0, v: undefined };
  r.then(function (v) { box.state = 1; box.v = v; }, function (e) { box.state = 2; box.v = e; });
  pending = function () {
    if (box.state === 0) return finish(['err', '', 'the handler returned a promise that never settled (there are no timers or network to wait for)', '']);
    if (box.state === 2) return errorOut(box.v);
    return next(box.v);
  };
  return 'pend';
}

function cffResult(kind, r) {
  hostMark(); // ...and ends here, once the value to encode is known
  try {
    if (thenable(r)) return whenSettled(r, function (v) { return cffResult(kind, v); });
    if (r === null || typeof r !== 'object') {
      return badOut('The function returned ' + (r === undefined ? 'nothing (undefined)' : describe(r)) + '; it must return ' +
        (kind === 'viewer-request' ? 'the request object or a response object' : 'the response object'));
    }
    var isResponse = 'statusCode' in r;
    if (kind === 'viewer-response' && !isResponse) return badOut('A viewer-response function must return the response object (with a statusCode); it returned an object without one');
    var out = [isResponse ? 'res' : 'req', ''];
    if (isResponse) putResponse(out, r); else putRequest(out, r);
    return finish(out);
  } catch (e) { return errorOut(e); }
}

function jsonResult(r) {
  try {
    if (thenable(r)) return whenSettled(r, jsonResult);
    var j = JSON.stringify(r === undefined ? null : r);
    return finish(['json', '', j === undefined ? 'null' : j]);
  } catch (e) { return errorOut(e); }
}

var bridge = {
  bindCff: function (fn) {
    if (typeof fn !== 'function') return 'no-handler';
    cffHandler = fn;
    return 'ok';
  },
  loadLambda: function (wrapper) {
    var module = { exports: {} };
    wrapper.call(module.exports, module.exports, requireModule, module, '/var/task/index.js', '/var/task');
    var exp = module.exports;
    lambdaHandler = exp !== null && (typeof exp === 'object' || typeof exp === 'function') ? exp.handler : undefined;
    return typeof lambdaHandler === 'function' ? 'ok' : 'no-handler';
  },
  setTracking: function (on) { trackReads = on === 'on'; },
  cff: function (input) {
    var a = input.split(SEP);
    beginInvocation(+a[3], +a[4]);
    var r, ev = buildCffEvent(a);
    hostMark(); // the handler's own compute starts here (see Sandbox.call)
    try { r = cffHandler(ev); } catch (e) { hostMark(); return errorOut(e); }
    return cffResult(a[0], r);
  },
  lambda: function (json, meta) {
    var m = meta.split(SEP); // now, seed, requestId, clientIp, functionName, timeoutMs
    beginInvocation(+m[0], +m[1]);
    var ev = JSON.parse(json), cf = ev.Records[0].cf;
    tracked(cf.config, 'requestId', K_RID, RID_DESC, m[2]);
    tracked(cf.request, 'clientIp', K_IP, IP_DESC, m[3]);
    var settled = 0, value;
    var callback = function (err, v) {
      if (settled) return;
      if (err !== null && err !== undefined) { settled = 2; value = err; } else { settled = 1; value = v; }
    };
    var context = { functionName: m[4], functionVersion: '1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:' + m[4] + ':1',
      memoryLimitInMB: '128', logGroupName: '/aws/lambda/us-east-1.' + m[4], logStreamName: 'edgelab', callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: function () { return +m[5]; }, done: callback, succeed: function (v) { callback(null, v); }, fail: function (e) { callback(e || new Error('failed')); } };
    tracked(context, 'awsRequestId', K_RID, RID_DESC, m[2]);
    var r;
    try { r = lambdaHandler(ev, context, callback); } catch (e) { return errorOut(e); }
    if (settled === 2) return errorOut(value);
    if (settled === 1) return jsonResult(value);
    if (thenable(r)) return jsonResult(r);
    if (r !== undefined) return jsonResult(r);
    // callback style: the callback may still come from a promise job
    pending = function () {
      if (settled === 1) return jsonResult(value);
      if (settled === 2) return errorOut(value);
      return badOut('The handler returned without calling its callback or returning a value');
    };
    return 'pend';
  },
  settle: function () {
    var p = pending;
    pending = null;
    return p ? p() : badOut('internal: nothing was pending');
  },
};
return bridge;
`;
