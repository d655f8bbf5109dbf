// JavaScript that runs INSIDE the QuickJS sandbox before the user's code, part 1 of 3:
// per-invocation state, the frozen clock, the seeded Math.random, console capture and,
// for CloudFront Functions, the ban on eval / new Function.
//
// It is plain ES2020 source kept in a string (String.raw keeps the escapes as written).
// All three parts are concatenated into one function expression by prelude.ts; the
// variables below are shared between the parts through that function's scope.
// Everything the host reads comes back as one string (see preludeBridge.ts): the host
// never holds a reference to a sandbox object beyond the bridge functions.

export const PRELUDE_CORE = String.raw`
var cfg = JSON.parse(cfgJson);
var G = globalThis;
var SEP = '\x1f';
var F_DATE = 1, F_RANDOM = 2, F_IP = 4, F_REQID = 8;
var hasOwn = Object.prototype.hasOwnProperty;
var imul = Math.imul;
var RealDate = Date;
// kvs: KeyValueStore reads this invocation made (billed per read, see preludeModules.ts)
var S = { now: 0, rs: 0, flags: 0, logs: [], logChars: 0, logCut: false, kvs: 0 };

function beginInvocation(now, seed) {
  S.now = now; S.rs = seed | 0; S.flags = 0; S.logs = []; S.logChars = 0; S.logCut = false; S.kvs = 0;
}

// Date: CloudFront Functions see the function start time for the whole run (no timers,
// no high-resolution clock). EdgeLab gives Lambda@Edge the same frozen simulated clock.
function EdgeDate() {
  if (!new.target) { S.flags |= F_DATE; return new RealDate(S.now).toString(); }
  if (arguments.length === 0) { S.flags |= F_DATE; return Reflect.construct(RealDate, [S.now], new.target); }
  return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
}
EdgeDate.prototype = RealDate.prototype;
Object.defineProperty(RealDate.prototype, 'constructor', { value: EdgeDate, writable: true, configurable: true });
EdgeDate.now = function now() { S.flags |= F_DATE; return S.now; };
EdgeDate.parse = RealDate.parse;
EdgeDate.UTC = RealDate.UTC;
G.Date = EdgeDate;

// Math.random: mulberry32 seeded by the host from the runtime seed and the request id,
// so the same request gives the same numbers on every run.
Math.random = function random() {
  S.flags |= F_RANDOM;
  var t = (S.rs = (S.rs + 0x6d2b79f5) | 0);
  t = imul(t ^ (t >>> 15), t | 1);
  t ^= t + imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function describe(v) {
  try {
    if (typeof v === 'string') return v;
    if (v === undefined) return 'undefined';
    if (typeof v === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
    if (v instanceof Error) return String(v);
    if (typeof v === 'object' && v !== null) {
      try { var j = JSON.stringify(v); if (j !== undefined) return j; } catch (e) { /* cyclic */ }
      return Object.prototype.toString.call(v);
    }
    return String(v);
  } catch (e) {
    return '[value that cannot be printed]';
  }
}

function clean(s) { return s.indexOf(SEP) >= 0 ? s.split(SEP).join(' ') : s; }

// console.*: lines are kept per invocation; CloudFront cuts function logs at 10 KB.
function log() {
  if (S.logCut) return;
  var parts = [];
  for (var i = 0; i < arguments.length; i++) parts.push(describe(arguments[i]));
  var line = clean(parts.join(' '));
  var room = cfg.logCap - S.logChars;
  if (line.length + 1 > room) {
    if (room > 1) S.logs.push(line.slice(0, room - 1));
    S.logs.push('[logs truncated at ' + Math.round(cfg.logCap / 1024) + ' KB]');
    S.logCut = true;
    return;
  }
  S.logs.push(line);
  S.logChars += line.length + 1;
}
G.console = Object.freeze({ log: log, info: log, warn: log, error: log, debug: log, trace: log });

if (cfg.kind === 'cff') {
  // CloudFront Functions forbid dynamic code evaluation. Replacing the constructors that
  // every function object can reach closes the this.constructor.constructor(...) path too.
  var forbidden = function (what) {
    return function () { throw new EvalError(what + ' is not allowed in CloudFront Functions'); };
  };
  G.eval = forbidden('eval()');
  var noFunction = forbidden('new Function()');
  [function () {}, async function () {}, function* () {}, async function* () {}].forEach(function (f) {
    var proto = Object.getPrototypeOf(f);
    Object.defineProperty(proto, 'constructor', { value: noFunction, writable: false, configurable: false });
  });
  noFunction.prototype = Object.getPrototypeOf(function () {});
  G.Function = noFunction;
  // garbage-collector timing would make runs differ
  delete G.WeakRef;
  delete G.FinalizationRegistry;
}
`;
