// JavaScript that runs INSIDE the sandbox, part 2 of 3: the built-in modules edge functions
// may use — `crypto` (hashes computed by the host through `hostHash`), `querystring`,
// `Buffer` (runtime 2.0 and Lambda@Edge), the runtime-1.0 string extras, the
// `cloudfront` module with its KeyValueStore, and `require`.
// Bytes travel as "byte strings" (one char per byte, 0-255).

export const PRELUDE_MODULES = String.raw`
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var B64I = {};
for (var bi = 0; bi < 64; bi++) B64I[B64.charAt(bi)] = bi;
B64I['-'] = 62; B64I['_'] = 63;
var HEXD = '0123456789abcdef';

function utf8Encode(s) {
  try { return unescape(encodeURIComponent(s)); } catch (e) {
    return unescape(encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, function (c, i, all) {
      var code = c.charCodeAt(0);
      if (code < 0xdc00) { var n = all.charCodeAt(i + 1); if (n >= 0xdc00 && n <= 0xdfff) return c; }
      else { var p = all.charCodeAt(i - 1); if (p >= 0xd800 && p < 0xdc00) return c; }
      return '\uFFFD';
    })));
  }
}
function utf8Decode(bs) {
  try { return decodeURIComponent(escape(bs)); } catch (e) {
    var out = '', i = 0;
    while (i < bs.length) {
      var c = bs.charCodeAt(i), need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
      var chunk = need >= 0 ? bs.substr(i, need + 1) : '';
      var dec = null;
      if (need >= 0 && chunk.length === need + 1) { try { dec = decodeURIComponent(escape(chunk)); } catch (x) { dec = null; } }
      if (dec === null) { out += '\uFFFD'; i += 1; } else { out += dec; i += need + 1; }
    }
    return out;
  }
}
function b64Encode(bs, url) {
  var out = '', i = 0, n;
  for (; i + 2 < bs.length; i += 3) {
    n = (bs.charCodeAt(i) << 16) | (bs.charCodeAt(i + 1) << 8) | bs.charCodeAt(i + 2);
    out += B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + B64.charAt((n >> 6) & 63) + B64.charAt(n & 63);
  }
  if (i < bs.length) {
    n = (bs.charCodeAt(i) << 16) | ((i + 1 < bs.length ? bs.charCodeAt(i + 1) : 0) << 8);
    out += B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + (i + 1 < bs.length ? B64.charAt((n >> 6) & 63) + '=' : '==');
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
}
function b64Decode(s) { // lenient like Node: skips characters outside the alphabet
  var out = '', acc = 0, bits = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    if (c === '=') break;
    var v = B64I[c];
    if (v === undefined) continue;
    acc = ((acc << 6) | v) & 0xffffff; bits += 6;
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); }
  }
  return out;
}
function hexEncode(bs) {
  var out = '';
  for (var i = 0; i < bs.length; i++) { var c = bs.charCodeAt(i); out += HEXD.charAt(c >> 4) + HEXD.charAt(c & 15); }
  return out;
}
function hexDecode(s) {
  var out = '';
  for (var i = 0; i + 1 < s.length; i += 2) {
    var v = parseInt(s.substr(i, 2), 16);
    if (v !== v) break;
    out += String.fromCharCode(v);
  }
  return out;
}
function bytesToBS(u8) {
  var out = '';
  for (var i = 0; i < u8.length; i += 4096) out += String.fromCharCode.apply(null, u8.subarray(i, Math.min(u8.length, i + 4096)));
  return out;
}
function normEnc(enc) { return enc === undefined || enc === null ? 'utf8' : String(enc).toLowerCase(); }
function toByteString(data, enc) {
  if (typeof data === 'string') {
    switch (normEnc(enc)) {
      case 'utf8': case 'utf-8': return utf8Encode(data);
      case 'hex': return hexDecode(data);
      case 'base64': case 'base64url': return b64Decode(data);
      case 'latin1': case 'binary': return data.replace(/[^\x00-\xff]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) & 255); });
      case 'ascii': return data.replace(/[^\x00-\x7f]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) & 127); });
      default: throw new TypeError('Unknown encoding: ' + enc);
    }
  }
  if (data instanceof ArrayBuffer) return bytesToBS(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return bytesToBS(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  throw new TypeError('The "data" argument must be a string, a Buffer or a TypedArray (got ' + typeof data + ')');
}

class Buffer extends Uint8Array {
  toString(enc, start, end) {
    var view = start === undefined && end === undefined ? this : this.subarray(start || 0, end === undefined ? this.length : end);
    var bs = bytesToBS(view);
    switch (normEnc(enc)) {
      case 'utf8': case 'utf-8': return utf8Decode(bs);
      case 'hex': return hexEncode(bs);
      case 'base64': return b64Encode(bs, false);
      case 'base64url': return b64Encode(bs, true);
      case 'latin1': case 'binary': return bs;
      case 'ascii': return bs.replace(/[\x80-\xff]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) & 127); });
      default: throw new TypeError('Unknown encoding: ' + enc);
    }
  }
  equals(other) {
    if (!(other instanceof Uint8Array) || other.length !== this.length) return false;
    for (var i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
    return true;
  }
  slice(start, end) { return this.subarray(start, end); }
  toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; }
  static fromByteString(bs) {
    var b = new Buffer(bs.length);
    for (var i = 0; i < bs.length; i++) b[i] = bs.charCodeAt(i);
    return b;
  }
  static from(value, encOrOffset, length) {
    if (typeof value === 'string') return Buffer.fromByteString(toByteString(value, encOrOffset));
    if (value instanceof ArrayBuffer) return new Buffer(value, encOrOffset || 0, length === undefined ? value.byteLength - (encOrOffset || 0) : length);
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      var b = new Buffer(value.length);
      for (var i = 0; i < value.length; i++) b[i] = value[i] & 255;
      return b;
    }
    if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    throw new TypeError('Buffer.from() takes a string, an array, a Buffer or an ArrayBuffer');
  }
  static alloc(size, fill, enc) {
    var b = new Buffer(size);
    if (fill !== undefined && fill !== 0) {
      var f = typeof fill === 'number' ? String.fromCharCode(fill & 255) : toByteString(fill, enc);
      for (var i = 0; i < size && f.length; i++) b[i] = f.charCodeAt(i % f.length);
    }
    return b;
  }
  static allocUnsafe(size) { return new Buffer(size); }
  static byteLength(s, enc) { return typeof s === 'string' ? toByteString(s, enc).length : s.byteLength; }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { return ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii'].indexOf(String(e).toLowerCase()) >= 0; }
  static concat(list, total) {
    var len = 0, i;
    for (i = 0; i < list.length; i++) len += list[i].length;
    var b = new Buffer(total === undefined ? len : total), off = 0;
    for (i = 0; i < list.length && off < b.length; i++) { b.set(list[i].subarray(0, b.length - off), off); off += list[i].length; }
    return b;
  }
  static compare(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
}

var qs = {
  escape: function escape(s) { return encodeURIComponent(s); },
  unescape: function unescape(s) { try { return decodeURIComponent(s); } catch (e) { return s; } },
  parse: function parse(str, sep, eq, options) {
    var obj = Object.create(null);
    if (typeof str !== 'string' || str.length === 0) return obj;
    sep = sep || '&'; eq = eq || '=';
    var maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
    var dec = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : qs.unescape;
    var parts = str.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].length === 0) continue;
      var at = parts[i].indexOf(eq);
      var k = at >= 0 ? parts[i].slice(0, at) : parts[i];
      var v = at >= 0 ? parts[i].slice(at + eq.length) : '';
      k = dec(k.replace(/\+/g, ' ')); v = dec(v.replace(/\+/g, ' '));
      if (!hasOwn.call(obj, k)) obj[k] = v;
      else if (Array.isArray(obj[k])) obj[k].push(v);
      else obj[k] = [obj[k], v];
    }
    return obj;
  },
  stringify: function stringify(obj, sep, eq, options) {
    if (obj === null || typeof obj !== 'object') return '';
    sep = sep || '&'; eq = eq || '=';
    var enc = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : qs.escape;
    var prim = function (v) {
      var t = typeof v;
      if (t === 'string') return v;
      if ((t === 'number' && isFinite(v)) || t === 'boolean' || t === 'bigint') return '' + v;
      return '';
    };
    var out = [], keys = Object.keys(obj);
    for (var i = 0; i < keys.length; i++) {
      var ks = enc(prim(keys[i])) + eq, v = obj[keys[i]];
      if (Array.isArray(v)) { for (var j = 0; j < v.length; j++) out.push(ks + enc(prim(v[j]))); }
      else out.push(ks + enc(prim(v)));
    }
    return out.join(sep);
  },
};
qs.decode = qs.parse;
qs.encode = qs.stringify;

var HASHES = ['md5', 'sha1', 'sha256'];
function Hash(alg, key) { this._alg = alg; this._key = key; this._data = ''; this._done = false; }
Hash.prototype.update = function update(data, enc) {
  if (this._done) throw new Error('Digest already called');
  this._data += toByteString(data, enc);
  return this;
};
Hash.prototype.digest = function digest(enc) {
  if (this._done) throw new Error('Digest already called');
  this._done = true;
  var e = enc === undefined || enc === 'buffer' ? '' : String(enc);
  var out = hostHash(this._alg, this._key, this._data, e);
  if (out.charAt(0) === '!') throw new Error(out.slice(1));
  out = out.slice(1);
  if (e !== '') return out;
  return cfg.runtime === '1.0' ? out : Buffer.fromByteString(out); // 1.0: a byte string; 2.0: a Buffer
};
Object.freeze(Hash.prototype);
function checkAlg(alg) {
  var a = String(alg).toLowerCase();
  if (HASHES.indexOf(a) < 0) throw new Error('Digest method not supported: ' + alg + ' (CloudFront offers md5, sha1 and sha256)');
  return a;
}
var crypto = Object.freeze({
  createHash: function createHash(alg) { return new Hash(checkAlg(alg), null); },
  createHmac: function createHmac(alg, key) { return new Hash(checkAlg(alg), toByteString(key)); },
});

// Every helper call is one read of the store, counted when it is made (a get() of a missing key
// is still a read). AWS: the cloudfront module "provides three helper methods to read values
// from the key value store" (get, exists, meta; functions-custom-methods.html), and
// KeyValueStore is billed per read from CloudFront Functions (aws.amazon.com/cloudfront/pricing,
// spec section 11.4). The count goes back in the reply's flags field (preludeBridge.ts finish()).
function kvsHandle() {
  var store = cfg.kvs;
  if (!store) throw new Error('No KeyValueStore is associated with this function: add key-value pairs to it first');
  return Object.freeze({
    get: async function get(key, opts) {
      S.kvs++;
      key = String(key);
      if (!hasOwn.call(store, key)) throw new Error('KeyValueStore key not found: ' + key);
      var format = opts && opts.format ? opts.format : 'string';
      var v = store[key];
      if (format === 'string') return v;
      if (format === 'json') return JSON.parse(v);
      if (format === 'bytes') return Buffer.from(v, 'utf8');
      throw new Error('Unknown KeyValueStore format ' + format + ' (use string, json or bytes)');
    },
    exists: async function exists(key) { S.kvs++; return hasOwn.call(store, String(key)); },
    meta: async function meta() {
      S.kvs++;
      return { creationDateTime: '2024-01-01T00:00:00.000Z', lastUpdatedDateTime: '2024-01-01T00:00:00.000Z', keyCount: Object.keys(store).length };
    },
  });
}
// Runtime 2.0's origin-modification helpers (viewer-request only in CloudFront) exist so that code
// using them loads, but EdgeLab's pipeline does not re-route a request from a CloudFront Function:
// each call fails with this documented error (503) instead of silently going to the old origin.
function unmodelledOrigin(name) {
  return function () {
    throw new Error('cf.' + name + '() is not modelled by EdgeLab: a CloudFront Function cannot change the origin in the simulator, ' +
      'and the request would silently keep the behavior\'s origin. Pick the origin in a Lambda@Edge origin-request function instead ' +
      '(see "How EdgeLab models CloudFront")');
  };
}
var cloudfront = Object.freeze({
  kvs: function kvs() { return kvsHandle(); },
  updateRequestOrigin: unmodelledOrigin('updateRequestOrigin'),
  selectRequestOriginById: unmodelledOrigin('selectRequestOriginById'),
  createRequestOriginGroup: unmodelledOrigin('createRequestOriginGroup'),
});

var MODULES = { crypto: crypto, querystring: qs };
if (cfg.runtime === '2.0') { MODULES.buffer = Object.freeze({ Buffer: Buffer }); MODULES.cloudfront = cloudfront; }
function requireModule(name) {
  var n = String(name);
  if (n.indexOf('node:') === 0) n = n.slice(5);
  if (hasOwn.call(MODULES, n)) return MODULES[n];
  var e = new Error("Cannot find module '" + name + "': " + (cfg.kind === 'cff'
    ? 'CloudFront Functions offer only ' + Object.keys(MODULES).join(', ')
    : "the EdgeLab Lambda@Edge sandbox provides only 'crypto' and 'querystring'; other Node.js built-ins and npm packages are absent"));
  e.code = 'MODULE_NOT_FOUND';
  throw e;
}

// Module objects are shared by every invocation: frozen, so no call can leave state in them.
function deepFreeze(o, seen) {
  if (seen.indexOf(o) >= 0) return;
  seen.push(o);
  Object.freeze(o);
  Object.getOwnPropertyNames(o).forEach(function (k) {
    var v = o[k];
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) deepFreeze(v, seen);
  });
}
deepFreeze([qs, crypto, cloudfront, Buffer, Hash], []);

if (cfg.runtime !== '1.0') G.Buffer = Buffer;
if (cfg.kind === 'cff') G.require = requireModule;
if (cfg.runtime === '1.0') {
  // the non-standard byte-string helpers of runtime 1.0 (removed in 2.0)
  var SP = String.prototype;
  SP.toUTF8 = function toUTF8() { return utf8Encode(String(this)); };
  SP.fromUTF8 = function fromUTF8(start, end) { return utf8Decode(String(this).slice(start || 0, end)); };
  SP.toBytes = function toBytes(start, end) {
    var s = String(this).slice(start || 0, end);
    return /[^\x00-\xff]/.test(s) ? null : s;
  };
  SP.fromBytes = function fromBytes(start, end) { return String(this).slice(start || 0, end); };
  String.bytesFrom = function bytesFrom(src, enc) {
    if (typeof src === 'string') return toByteString(src, enc === undefined ? 'latin1' : enc);
    var out = '';
    for (var i = 0; i < src.length; i++) out += String.fromCharCode(src[i] & 255);
    return out;
  };
}
`;
