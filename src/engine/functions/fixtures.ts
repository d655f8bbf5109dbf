// Shared builders for the edge-function tests: a context, requests and responses shaped like
// the ones the pipeline hands over (the global defaults of spec/examples.md).

import type { EdgeRequest, EdgeResponse, HeaderMap } from '../http/model';
import type { EdgeFunction } from '../scenario';
import type { FunctionContext } from './types';

export const DOMAIN = 'd111111abcdef8.cloudfront.net';

export function testContext(over: Partial<FunctionContext> = {}): FunctionContext {
  return {
    distributionDomainName: DOMAIN,
    distributionId: 'EDFDVBD6EXAMPLE',
    requestId: 'EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
    wallClockMs: Date.UTC(2024, 0, 1, 12, 0, 0),
    location: 'IAD66-C1',
    ...over,
  };
}

export function testRequest(over: Partial<EdgeRequest> = {}): EdgeRequest {
  return {
    method: 'GET',
    uri: '/index.html',
    querystring: '',
    headers: { host: [DOMAIN], 'user-agent': ['curl/8.4.0'], accept: ['*/*'] },
    clientIp: '198.51.100.10',
    ...over,
  };
}

export function testResponse(over: Partial<EdgeResponse> = {}, headers: HeaderMap = {}): EdgeResponse {
  return {
    status: 200,
    statusDescription: 'OK',
    headers: { 'content-type': ['text/plain'], etag: ['"e1"'], 'content-length': ['2'], ...headers },
    body: 'v1',
    bodySize: 2,
    ...over,
  };
}

export function cff(
  name: string,
  code: string,
  runtime: EdgeFunction['runtime'] = 'cloudfront-js-2.0',
  kvs?: Record<string, string>,
): EdgeFunction {
  return { name, kind: 'cloudfront-function', runtime, code, ...(kvs ? { kvs } : {}) };
}

export function lambdaFn(name: string, code: string): EdgeFunction {
  return { name, kind: 'lambda-edge', code };
}
