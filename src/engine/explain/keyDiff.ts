// The parts in which two cache keys differ (spec §4): query parameters, headers, cookies, the
// normalized Accept-Encoding and the path, named so the explanation can say e.g.
// "the query parameter `v` differs: 1 vs 2".
import type { KeyFacts } from './traceFacts';

export type KeyPart = 'path' | 'query' | 'header' | 'cookie' | 'accept-encoding';

export interface KeyDifference {
  part: KeyPart;
  /** parameter, header or cookie name ('' for path and accept-encoding) */
  name: string;
  /** in the cached key; null = absent */
  cached: string | null;
  /** in this request's key; null = absent */
  now: string | null;
}

/** Query string "a=1&b=2&a=3" -> name -> values joined with ','. */
function queryMap(q: string): Map<string, string> {
  const m = new Map<string, string>();
  if (q === '') return m;
  for (const part of q.split('&')) {
    const i = part.indexOf('=');
    const name = i < 0 ? part : part.slice(0, i);
    const value = i < 0 ? '' : part.slice(i + 1);
    const prev = m.get(name);
    m.set(name, prev === undefined ? value : prev + ',' + value);
  }
  return m;
}

function pairMap(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [n, v] of pairs) {
    const prev = m.get(n);
    m.set(n, prev === undefined ? v : prev + ',' + v);
  }
  return m;
}

function diffMaps(
  part: KeyPart,
  cached: Map<string, string>,
  now: Map<string, string>,
  out: KeyDifference[],
): void {
  const names = [...new Set([...cached.keys(), ...now.keys()])].sort();
  for (const name of names) {
    const a = cached.get(name) ?? null;
    const b = now.get(name) ?? null;
    if (a !== b) out.push({ part, name, cached: a, now: b });
  }
}

export function diffKeys(cached: KeyFacts, now: KeyFacts): KeyDifference[] {
  const out: KeyDifference[] = [];
  if (cached.path !== now.path) out.push({ part: 'path', name: '', cached: cached.path, now: now.path });
  diffMaps('query', queryMap(cached.query), queryMap(now.query), out);
  diffMaps('header', pairMap(cached.headers), pairMap(now.headers), out);
  diffMaps('cookie', pairMap(cached.cookies), pairMap(now.cookies), out);
  if ((cached.acceptEncoding ?? null) !== (now.acceptEncoding ?? null)) {
    out.push({
      part: 'accept-encoding',
      name: '',
      cached: cached.acceptEncoding ?? null,
      now: now.acceptEncoding ?? null,
    });
  }
  return out;
}

const show = (v: string | null): string => (v === null ? 'absent' : v === '' ? '(empty)' : v);

/** "the query parameter `v` differs: 1 vs 2" */
export function describeDifference(d: KeyDifference): string {
  const values = `${show(d.cached)} vs ${show(d.now)}`;
  switch (d.part) {
    case 'path':
      return `the path differs: ${values}`;
    case 'query':
      return `the query parameter \`${d.name}\` differs: ${values}`;
    case 'header':
      return `the header \`${d.name}\` differs: ${values}`;
    case 'cookie':
      return `the cookie \`${d.name}\` differs: ${values}`;
    case 'accept-encoding':
      return `the normalized Accept-Encoding differs: ${values}`;
  }
}
