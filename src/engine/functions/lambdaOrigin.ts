// The `origin` object of Lambda@Edge origin events (lambda-event-structure.html): built from
// the scenario's Origin, and mapped back when an origin-request function routes the request
// elsewhere (dynamic origin selection). The target need not be an origin of the distribution;
// such an origin gets the domain name as its id (the pipeline can match it by domainName).

import type { Origin } from '../scenario';
import { titleCase } from './wire';

type HeaderList = Record<string, Array<{ key: string; value: string }>>;

function customHeaders(o: Origin): HeaderList {
  const out: HeaderList = {};
  for (const h of o.customHeaders ?? []) {
    const name = h.headerName.toLowerCase();
    (out[name] ??= []).push({ key: h.headerName || titleCase(name), value: h.headerValue });
  }
  return out;
}

function isS3(o: Origin): boolean {
  return (
    o.s3OriginConfig !== undefined ||
    (!o.customOriginConfig && /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(o.domainName))
  );
}

function s3Region(o: Origin): string {
  if (o.region) return o.region;
  const m = /\.s3[.-]([a-z]{2}-[a-z]+-\d)\.amazonaws\.com$/.exec(o.domainName);
  return m ? m[1] : 'us-east-1';
}

export function eventOrigin(o: Origin): unknown {
  if (isS3(o)) {
    return {
      s3: {
        authMethod: o.s3OriginConfig?.originAccessIdentity ? 'origin-access-identity' : 'none',
        customHeaders: customHeaders(o),
        domainName: o.domainName,
        path: o.originPath ?? '',
        region: s3Region(o),
      },
    };
  }
  const c = o.customOriginConfig ?? {};
  const protocol = c.originProtocolPolicy === 'http-only' ? 'http' : 'https';
  return {
    custom: {
      customHeaders: customHeaders(o),
      domainName: o.domainName,
      keepaliveTimeout: c.originKeepaliveTimeout ?? 5,
      path: o.originPath ?? '',
      port: protocol === 'http' ? (c.httpPort ?? 80) : (c.httpsPort ?? 443),
      protocol,
      readTimeout: c.originReadTimeout ?? 30,
      sslProtocols: c.originSslProtocols ?? ['TLSv1.2'],
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readCustomHeaders(v: unknown): Origin['customHeaders'] | string {
  if (v === undefined) return [];
  if (!isObject(v)) return 'origin customHeaders must be an object of arrays of { key, value }';
  const out: NonNullable<Origin['customHeaders']> = [];
  for (const name of Object.keys(v)) {
    const list = v[name];
    if (!Array.isArray(list)) return `origin customHeaders['${name}'] must be an array`;
    for (const x of list) {
      if (!isObject(x) || typeof x.value !== 'string')
        return `origin customHeaders['${name}'] has an entry without a string value`;
      out.push({ headerName: typeof x.key === 'string' ? x.key : titleCase(name), headerValue: x.value });
    }
  }
  return out;
}

function checkPath(path: unknown): string | undefined {
  if (path === undefined || path === '') return undefined;
  if (typeof path !== 'string' || !path.startsWith('/') || path.endsWith('/') || path.length > 255) {
    return `origin path ${JSON.stringify(path)} must start with '/', not end with '/', and be at most 255 characters`;
  }
  return undefined;
}

/** Maps the origin a function returned back to a scenario Origin, or explains what is wrong. */
export function originFromEvent(v: unknown, original: Origin): Origin | string {
  if (!isObject(v)) return 'request.origin must be an object with either custom or s3';
  if (v.custom !== undefined && v.s3 !== undefined) return 'request.origin may hold custom or s3, not both';
  const spec = v.custom ?? v.s3;
  if (!isObject(spec)) return 'request.origin must hold a custom or an s3 object';
  const domainName = spec.domainName;
  if (
    typeof domainName !== 'string' ||
    domainName === '' ||
    domainName.includes(':') ||
    domainName.length > 253
  ) {
    return `origin domainName ${JSON.stringify(domainName)} must be a host name without a port (at most 253 characters)`;
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(domainName))
    return `origin domainName ${domainName} may not be an IPv4 address`;
  const pathError = checkPath(spec.path);
  if (pathError) return pathError;
  const headers = readCustomHeaders(spec.customHeaders);
  if (typeof headers === 'string') return headers;
  const same = domainName.toLowerCase() === original.domainName.toLowerCase();
  const base: Origin = {
    id: same ? original.id : domainName,
    domainName,
    customHeaders: headers,
    ...(same
      ? {
          connectionAttempts: original.connectionAttempts,
          connectionTimeout: original.connectionTimeout,
          originShield: original.originShield,
          region: original.region,
        }
      : {}),
  };
  if (typeof spec.path === 'string' && spec.path !== '') base.originPath = spec.path;
  if (v.s3 !== undefined) {
    if (
      spec.authMethod !== undefined &&
      spec.authMethod !== 'none' &&
      spec.authMethod !== 'origin-access-identity'
    ) {
      return `origin s3.authMethod must be 'none' or 'origin-access-identity'`;
    }
    base.s3OriginConfig = {
      originAccessIdentity:
        spec.authMethod === 'origin-access-identity'
          ? (original.s3OriginConfig?.originAccessIdentity ?? 'origin-access-identity')
          : '',
    };
    if (typeof spec.region === 'string') base.region = spec.region;
    return base;
  }
  const port = spec.port === undefined ? undefined : Number(spec.port);
  if (
    port !== undefined &&
    !(port === 80 || port === 443 || (Number.isInteger(port) && port >= 1024 && port <= 65535))
  ) {
    return `origin port ${String(spec.port)} must be 80, 443 or 1024-65535`;
  }
  if (spec.protocol !== undefined && spec.protocol !== 'http' && spec.protocol !== 'https')
    return `origin protocol must be 'http' or 'https'`;
  const read = spec.readTimeout === undefined ? undefined : Number(spec.readTimeout);
  if (read !== undefined && !(read >= 4 && read <= 60))
    return `origin readTimeout ${String(spec.readTimeout)} must be 4-60 seconds`;
  const keep = spec.keepaliveTimeout === undefined ? undefined : Number(spec.keepaliveTimeout);
  if (keep !== undefined && !(keep >= 1 && keep <= 60))
    return `origin keepaliveTimeout ${String(spec.keepaliveTimeout)} must be 1-60 seconds`;
  const protocol = spec.protocol === 'http' ? 'http' : 'https';
  base.customOriginConfig = {
    httpPort: protocol === 'http' ? (port ?? 80) : (original.customOriginConfig?.httpPort ?? 80),
    httpsPort: protocol === 'https' ? (port ?? 443) : (original.customOriginConfig?.httpsPort ?? 443),
    originProtocolPolicy: protocol === 'http' ? 'http-only' : 'https-only',
    originReadTimeout: read ?? 30,
    originKeepaliveTimeout: keep ?? 5,
    originSslProtocols: Array.isArray(spec.sslProtocols) ? spec.sslProtocols.map(String) : ['TLSv1.2'],
  };
  return base;
}
