// "Why was this a miss?": a plain-language explanation of a Miss, RefreshHit, Error or generated
// response, derived only from the trace the engine wrote (see ./traceFacts) and the results the
// viewer saw before. Pure: the inspector calls it on the main thread with what it has collected.
import { compileInvalidationPath } from '../invalidation/paths';
import type { ViewerResult } from '../types';
import { describeDifference, diffKeys, type KeyDifference } from './keyDiff';
import { resultFacts, type ResultFacts } from './traceFacts';
import { explainTtl, formatSeconds, notStoredBecause } from './ttlReason';

export type ExplanationReason =
  | 'first-request'
  | 'key-differs'
  | 'ttl-expired'
  | 'invalidated'
  | 'method-not-cached'
  | 'not-cacheable'
  | 'caching-disabled'
  | 'evicted'
  | 'origin-error'
  | 'refused'
  | 'generated';

export interface Explanation {
  reason: ExplanationReason;
  /** one sentence */
  summary: string;
  /** supporting facts, each one sentence */
  details: string[];
  /** for 'key-differs': the parts that differ from the nearest cached key */
  keyDifferences?: KeyDifference[];
}

export interface InvalidationRecord {
  id: string;
  paths: string[];
  /** simulated ms when it was submitted */
  createdAtMs: number;
}

export interface ExplainContext {
  /** results of earlier requests (any order); entries later than `result` are ignored */
  history: readonly ViewerResult[];
  /** invalidations submitted so far */
  invalidations?: readonly InvalidationRecord[];
}

const at = (ms: number): string => `t=${(ms / 1000).toFixed(1)} s`;

/** Null for a Hit (nothing to explain); an explanation for everything else. */
export function explainResult(result: ViewerResult, ctx: ExplainContext): Explanation | null {
  const now = resultFacts(result);
  if (now.resultType === 'Hit') return null;
  const details = upperTierNotes(now);

  if (now.refusal) {
    return {
      reason: 'refused',
      summary: `CloudFront answered ${now.status} before looking in any cache: ${now.refusal.detail}.`,
      details,
    };
  }
  if (now.resultType === 'Error' || now.status >= 500) return originError(now, details);
  if (now.resultType !== 'Miss' && now.resultType !== 'RefreshHit') {
    const why = result.trace.find((s) => s.outcome === 'generated');
    return {
      reason: 'generated',
      summary: `No cache was involved: the response was generated (${now.resultType})${why ? `: ${why.detail}` : ''}.`,
      details,
    };
  }
  const key = now.key;
  if (key && !key.cached) {
    return {
      reason: 'method-not-cached',
      summary: `${key.method} is never cached: CloudFront passes it straight to the origin (only GET, HEAD and, when the behavior caches it, OPTIONS are served from cache).`,
      details,
    };
  }
  const policy = key?.policy;
  if (policy?.cachingDisabled) {
    return {
      reason: 'caching-disabled',
      summary: `The behavior's cache policy "${policy.name}" disables caching (MaxTTL ${policy.maxTtl} s): every request goes to the origin.`,
      details,
    };
  }

  const earlier = previous(result, now, ctx.history);
  const expired = [now.edge, ...now.upper].find(
    (s) => s?.outcome === 'stale' && s.detail.startsWith('Expired'),
  );
  if (now.resultType === 'RefreshHit' || (now.edge?.outcome === 'stale' && expired)) {
    return ttlExpired(now, earlier.sameKeyResult ?? result, expired?.detail, details);
  }

  // A plain miss at the edge.
  const prev = earlier.sameKey;
  if (prev === undefined) {
    const other = earlier.samePath;
    if (other?.key && key) {
      const diffs = diffKeys(other.key, key);
      if (diffs.length > 0) {
        return {
          reason: 'key-differs',
          summary: `The cache key differs from the one cached at ${now.pop} at ${at(other.sentAtMs)}: ${diffs.map(describeDifference).join('; ')}.`,
          details: [
            ...details,
            `Every distinct cache key is a separate object: change the cache policy if ${diffs.length > 1 ? 'these parts do' : 'this part does'} not change the response.`,
          ],
          keyDifferences: diffs,
        };
      }
    }
    const elsewhere = earlier.otherPop;
    if (elsewhere)
      details.unshift(
        `Edge location ${elsewhere.pop} fetched this key at ${at(elsewhere.sentAtMs)}, but each edge location has its own cache.`,
      );
    return {
      reason: 'first-request',
      summary: `First request for this cache key at edge location ${now.pop}: nothing was cached there yet.`,
      details,
    };
  }

  const prevResult = earlier.sameKeyResult!;
  if (policy) {
    const notStored = notStoredBecause(prevResult.headers, policy);
    if (notStored !== null) {
      return {
        reason: 'not-cacheable',
        summary: `Not cacheable: the origin's Cache-Control: ${notStored} with the policy's MinTTL 0 means CloudFront never stores this response, so every request is a miss.`,
        details,
      };
    }
  }
  const storedAt = prev.sentAtMs - (prev.ageSeconds ?? 0) * 1000;
  const path = key?.path ?? '';
  const target = key && key.query !== '' ? `${path}?${key.query}` : path;
  const inv = (ctx.invalidations ?? []).find(
    (i) =>
      i.createdAtMs >= storedAt &&
      i.createdAtMs <= now.sentAtMs &&
      i.paths.some((p) => compileInvalidationPath(p)(target)),
  );
  if (inv) {
    const matching = inv.paths.filter((p) => compileInvalidationPath(p)(target));
    return {
      reason: 'invalidated',
      summary: `Invalidated at ${at(inv.createdAtMs)}: invalidation ${inv.id} (${matching.join(', ')}) removed the copy cached at ${at(storedAt)}.`,
      details,
    };
  }
  if (policy) {
    const ttl = explainTtl(prevResult.headers, policy);
    const ageS = Math.floor((now.sentAtMs - storedAt) / 1000);
    if (ageS >= ttl.seconds) {
      return {
        reason: 'ttl-expired',
        summary: `TTL expired: the copy cached at ${at(storedAt)} was ${ageS} s old, past its TTL of ${formatSeconds(ttl.seconds)}.`,
        details: [`The TTL came from ${ttl.reason}.`, ...details],
      };
    }
    return {
      reason: 'evicted',
      summary: `Evicted for capacity: the copy cached at ${at(storedAt)} was still fresh (age ${ageS} s < TTL ${formatSeconds(ttl.seconds)}) but ${now.pop}'s cache removed it to make room (least recently used first).`,
      details,
    };
  }
  return {
    reason: 'evicted',
    summary: `The copy cached at ${at(storedAt)} is no longer at ${now.pop}: it was removed to make room (or expired).`,
    details,
  };
}

interface Earlier {
  sameKey?: ResultFacts;
  sameKeyResult?: ViewerResult;
  samePath?: ResultFacts;
  otherPop?: ResultFacts;
}

/** The latest earlier results that matter: same key at the same PoP (one CloudFront stored),
 * same path with another key at the same PoP, and the same key at another PoP. History is in the
 * order sent; on equal times the later entry wins. */
function previous(result: ViewerResult, now: ResultFacts, history: readonly ViewerResult[]): Earlier {
  const out: Earlier = {};
  const key = now.key;
  if (!key) return out;
  for (const r of history) {
    if (r === result) continue;
    const f = resultFacts(r);
    // The result being explained may be in the list as a copy: same request id.
    if (f.requestId !== undefined && f.requestId === now.requestId) continue;
    // Only requests that looked the key up can have stored it.
    if (f.sentAtMs > now.sentAtMs || !f.key || !f.key.cached || f.refusal || f.edge === undefined) continue;
    if (f.pop === now.pop) {
      if (f.key.key === key.key) {
        out.sameKey = f;
        out.sameKeyResult = r;
      } else if (f.key.path === key.path) out.samePath = f;
    } else if (f.key.key === key.key) out.otherPop = f;
  }
  return out;
}

/** `stored` is the answer that put the copy in the cache (its caching headers set the TTL). */
function ttlExpired(
  now: ResultFacts,
  stored: ViewerResult,
  expiredDetail: string | undefined,
  details: string[],
): Explanation {
  const m = expiredDetail ? /age (\d+) s ≥ TTL (\d+) s/.exec(expiredDetail) : null;
  const where = now.edge?.outcome === 'stale' ? `at edge location ${now.pop}` : 'in the regional cache';
  const facts = m ? ` (age ${m[1]} s ≥ TTL ${formatSeconds(Number(m[2]))})` : '';
  const policy = now.key?.policy;
  const out = [...details];
  if (policy) {
    const ttl = explainTtl(stored.headers, policy);
    out.unshift(`The TTL came from ${ttl.reason}.`);
  }
  if (now.resultType === 'RefreshHit') {
    return {
      reason: 'ttl-expired',
      summary: `TTL expired: the copy cached ${where} was stale${facts}, so CloudFront revalidated it with the origin, which answered 304 Not Modified: the cached body was served and its TTL restarted.`,
      details: out,
    };
  }
  const revalidated = now.origin.some((s) => s.detail.includes('conditional'));
  return {
    reason: 'ttl-expired',
    summary: `TTL expired: the copy cached ${where} was stale${facts}, so CloudFront ${revalidated ? 'revalidated it and the origin sent a new version' : 'fetched it again (it had no ETag or Last-Modified to revalidate with)'}.`,
    details: out,
  };
}

function originError(now: ResultFacts, details: string[]): Explanation {
  const failed = [...now.origin].reverse().find((s) => s.outcome === 'error');
  if (failed) {
    return {
      reason: 'origin-error',
      summary: `Origin error: origin "${failed.location ?? ''}" ${failed.detail.replace(/^.*→ /, '').replace(/ \[attempt .*\]$/, '')}, so the viewer got ${now.status}.`,
      details: [`Origin request: ${failed.detail}`, ...details],
    };
  }
  if (now.edge?.outcome === 'hit') {
    return {
      reason: 'origin-error',
      summary: `A cached error: the origin's earlier ${now.status} is kept for the ErrorCachingMinTTL and served from cache.`,
      details,
    };
  }
  return { reason: 'origin-error', summary: `The request ended in ${now.status}.`, details };
}

/** What the tiers above the edge did, one sentence each. */
function upperTierNotes(now: ResultFacts): string[] {
  const out: string[] = [];
  for (const s of now.upper) {
    const tier = s.stage === 'shield' ? 'Origin Shield' : 'The regional edge cache';
    out.push(
      `${tier} ${s.location ?? ''} ${s.outcome === 'hit' ? 'had a fresh copy (hit), so the origin was not asked' : `reported: ${s.detail}`}.`,
    );
  }
  if (now.origin.length > 0 && now.upper.every((s) => s.outcome !== 'hit')) {
    const last = now.origin[now.origin.length - 1];
    out.push(`The origin "${last.location ?? ''}" was asked: ${last.detail}.`);
  }
  return out;
}
