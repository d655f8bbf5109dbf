// CloudFront's field rules as the console states them, one function per field: each returns null
// when the value is acceptable, otherwise the message shown on the field (what is wrong, what to do).
// Limits come from the engine and scenario tables (their comments give the public sources).
import { validatePathPattern } from '../../engine/routing/pathPattern';
import { FAILOVER_STATUS_CODES, MAX_TTL_SECONDS, ORIGIN_LIMITS } from '../../scenario/limits';

export { FAILOVER_STATUS_CODES, MAX_TTL_SECONDS, ORIGIN_LIMITS };

export function pathPatternError(pattern: string, otherPatterns: readonly string[]): string | null {
  const base = validatePathPattern(pattern);
  if (base) return base;
  if (pattern === '*' || pattern === '/*')
    return 'The pattern "*" belongs to the default behavior: use a narrower pattern such as "images/*".';
  const norm = (p: string) => (p.startsWith('/') ? p.slice(1) : p);
  if (otherPatterns.some((p) => norm(p) === norm(pattern))) {
    return `Another behavior already uses the path pattern "${pattern}": each pattern must be unique.`;
  }
  return null;
}

/** Whole number in [min, max]; `name` is CloudFront's field name. */
export function integerError(text: string, name: string, min: number, max: number, unit = ''): string | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${name} must be a whole number from ${min} to ${max}${unit}.`;
  const n = Number(t);
  if (n < min || n > max) return `${name} must be from ${min} to ${max}${unit}; ${n} is out of range.`;
  return null;
}

export interface Ttls {
  minTtl: number;
  defaultTtl: number;
  maxTtl: number;
}

/** One legacy TTL field, checked alone and against the two others (Minimum <= Default <= Maximum). */
export function ttlError(field: keyof Ttls, text: string, current: Ttls): string | null {
  const names: Record<keyof Ttls, string> = {
    minTtl: 'Minimum TTL',
    defaultTtl: 'Default TTL',
    maxTtl: 'Maximum TTL',
  };
  const own = integerError(text, names[field], 0, MAX_TTL_SECONDS, ' seconds');
  if (own) return own;
  const next = { ...current, [field]: Number(text.trim()) };
  if (next.minTtl > next.defaultTtl) {
    return `Minimum TTL (${next.minTtl}) must not exceed Default TTL (${next.defaultTtl}).`;
  }
  if (next.defaultTtl > next.maxTtl) {
    return `Default TTL (${next.defaultTtl}) must not exceed Maximum TTL (${next.maxTtl}).`;
  }
  return null;
}

const HOST_NAME =
  /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function originDomainError(domain: string): string | null {
  if (domain.trim() === '') return 'Origin domain is required: enter a host name such as "example.com".';
  if (domain.includes('://') || domain.includes('/')) {
    return 'Origin domain is a host name only: remove "https://" and any path (put the path in Origin path).';
  }
  if (!HOST_NAME.test(domain))
    return `"${domain}" is not a valid host name: use letters, digits, hyphens and dots.`;
  return null;
}

export function originPathError(path: string): string | null {
  if (path === '') return null;
  if (!path.startsWith('/')) return 'Origin path must begin with a slash (/), e.g. "/production".';
  if (path.endsWith('/'))
    return 'Origin path must not end with a slash (/): write "/production", not "/production/".';
  if (path.length > 255) return 'Origin path is limited to 255 characters.';
  return null;
}

/** Origin-group failover criteria: at least one of the documented codes. */
export function failoverCodesError(codes: readonly number[]): string | null {
  if (codes.length === 0) return 'Choose at least one failover status code, or the group never fails over.';
  const allowed: readonly number[] = FAILOVER_STATUS_CODES;
  const bad = codes.find((c) => !allowed.includes(c));
  return bad === undefined
    ? null
    : `${bad} cannot trigger failover; choose from ${FAILOVER_STATUS_CODES.join(', ')}.`;
}

/** DefaultRootObject: no leading '/', at most 255 characters of CloudFront's set (spec §10.2). */
export function defaultRootObjectError(value: string): string | null {
  if (value === '') return null;
  if (value.startsWith('/'))
    return `Enter the object name without the leading '/' (e.g. "${value.replace(/^\/+/, '') || 'index.html'}").`;
  if (value.length > 255)
    return `A default root object is at most 255 characters (this one has ${value.length}).`;
  if (!/^[A-Za-z0-9_\-.*$/~"'&]+$/.test(value))
    return 'CloudFront allows only A-Z a-z 0-9 _ - . * $ / ~ " \' & in a default root object.';
  return null;
}

/** Geo restriction countries: two-letter ISO codes separated by commas or spaces. */
export function countryListError(text: string): string | null {
  const bad = text
    .split(/[\s,]+/)
    .filter((c) => c !== '')
    .find((c) => !/^[A-Za-z]{2}$/.test(c));
  return bad ? `"${bad}" is not a two-letter country code such as US or JP.` : null;
}

/** A viewer region's share of traffic, typed as a percentage. */
export function trafficShareError(text: string): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return 'Enter a share of traffic in percent, e.g. 25.';
  if (n <= 0 || n > 100) return `A traffic share is more than 0% and at most 100% (got ${text}%).`;
  return null;
}
