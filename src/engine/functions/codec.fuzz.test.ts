// Fuzzing the function event builders (issue 10): 10,000 random requests each way. A request turns
// into the CloudFront Functions event and the Lambda@Edge event without throwing, the event shows
// exactly the request (minus the headers CloudFront hides), an unchanged Lambda@Edge answer decodes
// to the same request, and a mutated answer is either accepted or refused with a message naming the
// field at fault; decoding random wire data never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeRequest } from '../http/model';
import { applyMutations, mutations } from '../../scenario/fixtures/jsonMutations';
import { decodeCfRequest } from './cfDecode';
import { cfEventObject, cffSnapshot, cffWireFields } from './cfEncode';
import { decodeLambdaResult, encodeLambdaEvent } from './lambdaCodec';
import { isDisallowedHeader } from './limits';
import type { FunctionContext } from './types';

const RUNS = 10_000;
const CTX: FunctionContext = {
  distributionDomainName: 'd111111abcdef8.cloudfront.net',
  distributionId: 'EDFDVBD6EXAMPLE',
  requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
  wallClockMs: 1_700_000_000_000,
  location: 'IAD',
};

const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u001f', '\u001e', 'a=b; c=d', '"q"', 'é', '\u0000'),
);
const fieldValue = text.filter((v) => !/[\r\n\0]/.test(v));
const headerName = fc.oneof(
  token,
  fc.constantFrom(
    'host',
    'cookie',
    'user-agent',
    'accept',
    'x-amz-cf-id',
    'via',
    'connection',
    'x-edge-secret',
    'content-length',
  ),
);
const requests: fc.Arbitrary<EdgeRequest> = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  uri: fc.oneof(
    fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
    fc.string({ maxLength: 60 }).map((s) => '/' + s),
  ),
  querystring: fc.oneof(
    fc.constant(''),
    fc
      .array(fc.tuple(token, text), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
    fc.string({ maxLength: 40 }),
  ),
  // Field values as HTTP allows them (no CR, LF or NUL: a viewer cannot send those).
  headers: fc.dictionary(headerName, fc.array(fieldValue, { minLength: 1, maxLength: 3 }), { maxKeys: 8 }),
  clientIp: fc.ipV4(),
});

const visibleNames = (r: EdgeRequest) =>
  Object.keys(r.headers)
    .filter((n) => n !== 'cookie' && !isDisallowedHeader(n))
    .sort();

describe('CloudFront Functions event builder under 10,000 random requests', () => {
  it('builds the event the function sees, and decoding random wire data never throws', () => {
    fc.assert(
      fc.property(requests, fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }), (request, wire) => {
        const snap = cffSnapshot('viewer-request', request, undefined);
        expect(typeof cffWireFields(snap, CTX, 7, true).join('\x1f')).toBe('string');
        const event = cfEventObject(snap, CTX) as {
          request: { method: string; uri: string; headers: object };
        };
        expect(event.request.method).toBe(request.method);
        expect(event.request.uri).toBe(request.uri);
        expect(Object.keys(event.request.headers).sort()).toEqual(visibleNames(request));
        const decoded = decodeCfRequest(wire, snap);
        if (!decoded.ok) expect(decoded.message.length).toBeGreaterThan(5);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('Lambda@Edge event builder under 10,000 random requests', () => {
  it('round-trips an unchanged answer and refuses a broken one with a message naming the field', () => {
    let refused = 0;
    fc.assert(
      fc.property(requests, mutations, (request, list) => {
        const { json, snap } = encodeLambdaEvent(
          'viewer-request',
          request,
          undefined,
          undefined,
          CTX,
          false,
          7,
          'fn',
        );
        const cfRequest = (JSON.parse(json) as { Records: [{ cf: { request: unknown } }] }).Records[0].cf
          .request;
        const same = decodeLambdaResult(cfRequest, snap);
        if (!same.ok) throw new Error(`the unchanged request was refused: ${same.message}`);
        expect(same.value.kind).toBe('request');
        if (same.value.kind === 'request') {
          expect(same.value.request.uri).toBe(request.uri);
          expect(same.value.request.querystring).toBe(request.querystring);
          expect(same.value.request.method).toBe(request.method);
        }
        const broken = decodeLambdaResult(applyMutations(cfRequest, list), snap);
        if (!broken.ok) {
          refused++;
          expect(broken.message).toMatch(
            /request|response|header|status|body|uri|query ?string|method|origin|function/i,
          );
          expect(broken.message).not.toMatch(/\[object |undefined is|TypeError/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
