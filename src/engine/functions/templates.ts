// Starting points for the function editor. Each is written for EdgeLab, runs in the sandbox
// as is (templates.test.ts runs every one on a realistic event) and teaches one CloudFront
// idea; the description says what to pair it with in the distribution.

import type { FunctionEventType, LambdaEventType } from '../scenario';

export interface FunctionTemplate {
  id: string;
  title: string;
  kind: 'cloudfront-function' | 'lambda-edge';
  eventType: FunctionEventType | LambdaEventType;
  runtime?: 'cloudfront-js-1.0' | 'cloudfront-js-2.0';
  code: string;
  description: string;
}

const REDIRECT_TO_HTTPS = `// Redirect plain-HTTP viewers to HTTPS with a 301, keeping path and query string.
// CloudFront-Forwarded-Proto tells the function which protocol the viewer used
// (include it in the behavior's origin request policy or cache policy).
function handler(event) {
  var request = event.request;
  var proto = request.headers['cloudfront-forwarded-proto'];
  if (!proto || proto.value !== 'http') {
    return request;
  }
  var host = request.headers.host ? request.headers.host.value : event.context.distributionDomainName;
  var query = [];
  var names = Object.keys(request.querystring);
  for (var i = 0; i < names.length; i++) {
    var entry = request.querystring[names[i]];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var j = 0; j < values.length; j++) {
      query.push(names[i] + '=' + values[j].value);
    }
  }
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: 'https://' + host + request.uri + (query.length ? '?' + query.join('&') : '') },
      'cache-control': { value: 'max-age=3600' }
    }
  };
}
`;

const SECURITY_HEADERS = `// Add security headers to every response the viewer gets (hits and misses alike).
// Viewer-response functions do not run when the origin answered 400 or more.
async function handler(event) {
  const response = event.response;
  const headers = response.headers;
  headers['strict-transport-security'] = { value: 'max-age=63072000; includeSubDomains; preload' };
  headers['x-content-type-options'] = { value: 'nosniff' };
  headers['x-frame-options'] = { value: 'DENY' };
  headers['referrer-policy'] = { value: 'strict-origin-when-cross-origin' };
  headers['content-security-policy'] = { value: "default-src 'self'; img-src 'self' data:; object-src 'none'" };
  headers['permissions-policy'] = { value: 'camera=(), microphone=(), geolocation=()' };
  return response;
}
`;

const SPA_REWRITE = `// Single-page app: every route without a file extension is served by /index.html,
// so /products/42 and /index.html share one cache entry. Files (/app.js, /logo.png)
// pass through unchanged.
function handler(event) {
  const request = event.request;
  const last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

const AB_TESTING = `// A/B testing: viewers keep the variant in the "ab-variant" cookie; new viewers are
// assigned one at random. Variant B is served from /b/... so both variants cache
// separately. Add "ab-variant" to the cache policy's cookies so the origin can set it.
function handler(event) {
  const request = event.request;
  const cookie = request.cookies['ab-variant'];
  let variant = cookie ? cookie.value : '';
  if (variant !== 'a' && variant !== 'b') {
    variant = Math.random() < 0.5 ? 'a' : 'b';
    request.cookies['ab-variant'] = { value: variant };
  }
  if (variant === 'b' && request.uri.indexOf('/b/') !== 0) {
    request.uri = '/b' + request.uri;
  }
  return request;
}
`;

const QUERY_NORMALISATION = `// Normalise the query string before the cache key is computed: keep only the
// parameters the origin uses, lower-case their names and sort them. ?utm_source=x&Page=2
// and ?page=2 then share one cache entry (higher hit ratio, fewer origin requests).
// Pair it with a cache policy that includes all query strings.
var ALLOWED = ['page', 'size', 'sort', 'q'];

function handler(event) {
  var request = event.request;
  var names = Object.keys(request.querystring).sort();
  var kept = {};
  for (var i = 0; i < names.length; i++) {
    var name = names[i].toLowerCase();
    if (ALLOWED.indexOf(name) !== -1) {
      kept[name] = request.querystring[names[i]];
    }
  }
  request.querystring = kept;
  return request;
}
`;

const JWT_CHECK = `// Check a JSON Web Token (HS256) before the cache: requests without a valid,
// unexpired token get a 401 generated at the edge and never reach the origin.
// The token comes from "Authorization: Bearer <jwt>" or ?token=<jwt>.
// Demo secret only: a real one belongs in a KeyValueStore, not in code.
const crypto = require('crypto');
const SECRET = 'edgelab-demo-secret';

function deny(reason) {
  return {
    statusCode: 401,
    statusDescription: 'Unauthorized',
    headers: {
      'www-authenticate': { value: 'Bearer' },
      'content-type': { value: 'text/plain' }
    },
    body: 'Unauthorized: ' + reason
  };
}

function handler(event) {
  const request = event.request;
  const auth = request.headers.authorization;
  let token = '';
  if (auth && auth.value.indexOf('Bearer ') === 0) {
    token = auth.value.slice(7);
  } else if (request.querystring.token) {
    token = request.querystring.token.value;
  }
  if (!token) return deny('missing token');
  const parts = token.split('.');
  if (parts.length !== 3) return deny('malformed token');
  const expected = crypto.createHmac('sha256', SECRET).update(parts[0] + '.' + parts[1]).digest('base64url');
  if (expected !== parts[2]) return deny('bad signature');
  let claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch (e) {
    return deny('unreadable claims');
  }
  if (typeof claims.exp === 'number' && Date.now() / 1000 >= claims.exp) return deny('token expired');
  delete request.querystring.token;
  return request;
}
`;

const ORIGIN_BY_COOKIE = `// Blue/green origin selection at origin-request: viewers whose "origin" cookie says
// green are sent to green.example.com, everyone else to the behavior's origin.
// Forward the "origin" cookie (cache policy) so blue and green responses cache apart.
'use strict';

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const cookies = (request.headers.cookie || []).map((h) => h.value).join('; ');
  const match = /(?:^|;\\s*)origin=(blue|green)(?:;|$)/.exec(cookies);
  if (match && match[1] === 'green') {
    const domainName = 'green.example.com';
    request.origin = {
      custom: {
        domainName,
        port: 443,
        protocol: 'https',
        path: '',
        sslProtocols: ['TLSv1.2'],
        readTimeout: 30,
        keepaliveTimeout: 5,
        customHeaders: {}
      }
    };
    request.headers.host = [{ key: 'Host', value: domainName }];
  }
  return request;
};
`;

const IMAGE_RESIZE = `// SIMULATED image resizing (origin-response). A real version would decode the image
// with a library such as sharp and return the resized bytes; EdgeLab's sandbox runs no
// native code, so this one answers ?w=<width> with an SVG placeholder that says what
// would have been produced. The resized answer is cached like any origin response.
// Origin events see the query string only if the policy forwards all query strings.
const querystring = require('querystring');

exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  const width = Math.min(parseInt(querystring.parse(request.querystring).w, 10) || 0, 2000);
  if (response.status !== '200' || !width || !/\\.(jpe?g|png|webp)$/i.test(request.uri)) {
    return response;
  }
  const height = Math.round(width * 0.75);
  response.body =
    '<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height + '">' +
    '<rect width="100%" height="100%" fill="#d9dee7"/>' +
    '<text x="50%" y="50%" text-anchor="middle" font-family="sans-serif" font-size="14">' +
    request.uri + ' resized to ' + width + 'x' + height + ' (simulated)</text></svg>';
  response.bodyEncoding = 'text';
  response.headers['content-type'] = [{ key: 'Content-Type', value: 'image/svg+xml' }];
  response.headers['x-edgelab-simulated'] = [{ key: 'X-EdgeLab-Simulated', value: 'image-resize' }];
  delete response.headers['content-length'];
  return response;
};
`;

const KVS_REDIRECTS = `// Redirects kept in a KeyValueStore: the map changes without touching the code.
// Open "KeyValueStore" in the editor, create the store, then add keys such as
// /old-page -> /new-page (a path) or /promo -> https://example.com/sale (a URL).
import cf from 'cloudfront';

async function handler(event) {
  const request = event.request;
  let target;
  try {
    target = await cf.kvs().get(request.uri); // one read; a missing key throws
  } catch (e) {
    return request; // no store yet, or no redirect for this path
  }
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: target },
      'cache-control': { value: 'max-age=3600' }
    }
  };
}
`;

export const FUNCTION_TEMPLATES: FunctionTemplate[] = [
  {
    id: 'redirect-to-https',
    title: 'Redirect HTTP to HTTPS',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-1.0',
    code: REDIRECT_TO_HTTPS,
    description:
      'Answers plain-HTTP requests with a 301 to the https:// URL, generated at the edge (X-Cache: FunctionGeneratedResponse). Written in ES5 for runtime 1.0. Needs CloudFront-Forwarded-Proto in the origin request or cache policy.',
  },
  {
    id: 'security-headers',
    title: 'Add security headers',
    kind: 'cloudfront-function',
    eventType: 'viewer-response',
    runtime: 'cloudfront-js-2.0',
    code: SECURITY_HEADERS,
    description:
      'Adds HSTS, nosniff, frame, referrer, CSP and permissions headers to every successful response, cached or not. A response headers policy can do the same without code.',
  },
  {
    id: 'spa-rewrite',
    title: 'Single-page app: rewrite to /index.html',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-2.0',
    code: SPA_REWRITE,
    description:
      'Serves /index.html for every path without a file extension. The rewrite happens before the cache key, so all routes share one cached copy; the behavior and origin stay those of the original path.',
  },
  {
    id: 'ab-testing',
    title: 'A/B testing by cookie',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-2.0',
    code: AB_TESTING,
    description:
      'Keeps each viewer on variant A or B with the "ab-variant" cookie and serves B from /b/. Random assignment for new viewers is seeded, so every run of a scenario splits the same way.',
  },
  {
    id: 'normalize-query-string',
    title: 'Normalise the query string for the cache key',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-2.0',
    code: QUERY_NORMALISATION,
    description:
      'Drops tracking parameters, lower-cases and sorts the rest before the cache lookup. Watch the hit ratio rise in a scenario with cache-busting traffic.',
  },
  {
    id: 'jwt-check',
    title: 'Check a JWT (HS256)',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-2.0',
    code: JWT_CHECK,
    description:
      'Verifies an HS256 JSON Web Token with the crypto module and answers 401 at the edge when it is missing, forged or expired. Demo secret in code: use a KeyValueStore for a real one.',
  },
  {
    id: 'kvs-redirects',
    title: 'Redirects from a KeyValueStore',
    kind: 'cloudfront-function',
    eventType: 'viewer-request',
    runtime: 'cloudfront-js-2.0',
    code: KVS_REDIRECTS,
    description:
      "Looks the path up in the function's KeyValueStore and answers a 301 to the stored target; paths without a key pass through. Edit the redirects in the KeyValueStore panel, no code change needed (runtime 2.0).",
  },
  {
    id: 'origin-by-cookie',
    title: 'Lambda@Edge: choose the origin by cookie',
    kind: 'lambda-edge',
    eventType: 'origin-request',
    code: ORIGIN_BY_COOKIE,
    description:
      'Blue/green deployment: requests with origin=green go to green.example.com by rewriting request.origin (dynamic origin selection, Lambda@Edge only). Runs only on cache misses.',
  },
  {
    id: 'image-resize-simulated',
    title: 'Lambda@Edge: resize images (simulated)',
    kind: 'lambda-edge',
    eventType: 'origin-response',
    code: IMAGE_RESIZE,
    description:
      'SIMULATED: shows where image resizing fits (origin-response, result cached). It returns an SVG placeholder naming the size instead of real resized bytes, because the sandbox runs no image library.',
  },
];
