// Test events like the CloudFront console builds them: a request typed as a form (method, URI,
// query string, headers, cookies) becomes the event object of the chosen kind and event type.
import type { EdgeFunction } from '../../engine/scenario';

export interface RequestForm {
  method: string;
  uri: string;
  /** "a=1&b=2" */
  query: string;
  /** one "name: value" per line */
  headers: string;
  /** "name=value; other=value" */
  cookies: string;
}

export const DEFAULT_FORM: RequestForm = {
  method: 'GET',
  uri: '/index.html',
  query: '',
  headers: 'host: d111111abcdef8.cloudfront.net\naccept: text/html',
  cookies: '',
};

/** The response a response-event test starts from (the console's example has the same fields). */
const SAMPLE_RESPONSE_HEADERS: [string, string][] = [
  ['content-type', 'text/html'],
  ['cache-control', 'max-age=3600'],
];

function pairs(text: string, sep: RegExp, kv: string): [string, string][] {
  return text
    .split(sep)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf(kv);
      return i < 0 ? [p, ''] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
}

type CfMap = Record<string, { value: string; multiValue?: { value: string }[] }>;

function cfMap(entries: [string, string][], lowerCase: boolean): CfMap {
  const out: CfMap = {};
  for (const [rawName, value] of entries) {
    const name = lowerCase ? rawName.toLowerCase() : rawName;
    const prev = out[name];
    if (!prev) out[name] = { value };
    else
      out[name] = {
        value: prev.value,
        multiValue: [...(prev.multiValue ?? [{ value: prev.value }]), { value }],
      };
  }
  return out;
}

export function isResponseEvent(eventType: string): boolean {
  return eventType === 'viewer-response' || eventType === 'origin-response';
}

/** The event object for `form`, as the runtime passes it to the handler. */
export function buildTestEvent(kind: EdgeFunction['kind'], eventType: string, form: RequestForm): unknown {
  const headers = pairs(form.headers, /\n/, ':');
  const cookies = pairs(form.cookies, /;/, '=');
  const query = form.query.replace(/^\?/, '');
  if (kind === 'cloudfront-function') {
    const event: Record<string, unknown> = {
      version: '1.0',
      context: { eventType },
      viewer: { ip: '198.51.100.10' },
      request: {
        method: form.method,
        uri: form.uri,
        querystring: cfMap(pairs(query, /&/, '='), false),
        headers: cfMap(headers, true),
        cookies: cfMap(cookies, false),
      },
    };
    if (isResponseEvent(eventType))
      event.response = {
        statusCode: 200,
        statusDescription: 'OK',
        headers: cfMap(SAMPLE_RESPONSE_HEADERS, true),
        cookies: {},
      };
    return event;
  }
  const lambdaHeaders: Record<string, { key: string; value: string }[]> = {};
  for (const [name, value] of headers) (lambdaHeaders[name.toLowerCase()] ??= []).push({ key: name, value });
  if (cookies.length)
    lambdaHeaders.cookie = [{ key: 'Cookie', value: cookies.map(([k, v]) => `${k}=${v}`).join('; ') }];
  const cf: Record<string, unknown> = {
    config: { eventType },
    request: {
      clientIp: '198.51.100.10',
      method: form.method,
      uri: form.uri,
      querystring: query,
      headers: lambdaHeaders,
    },
  };
  if (isResponseEvent(eventType)) {
    const h: Record<string, { key: string; value: string }[]> = {};
    for (const [name, value] of SAMPLE_RESPONSE_HEADERS) h[name] = [{ key: name, value }];
    cf.response = { status: '200', statusDescription: 'OK', headers: h };
  }
  return { Records: [{ cf }] };
}

/** The part of the input event the function's output replaces, for the diff. */
export function inputCounterpart(kind: EdgeFunction['kind'], event: unknown, output: unknown): unknown {
  const o = (output ?? {}) as Record<string, unknown>;
  const isResponse = 'statusCode' in o || 'status' in o;
  const ev = (event ?? {}) as Record<string, unknown>;
  const root =
    kind === 'cloudfront-function'
      ? ev
      : ((((ev.Records as unknown[] | undefined)?.[0] as Record<string, unknown> | undefined)?.cf as
          Record<string, unknown> | undefined) ?? {});
  return (isResponse ? root.response : root.request) ?? {};
}
