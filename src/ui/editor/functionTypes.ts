// Type definitions of the edge-function events, given to Monaco's JavaScript service so that
// `event.request.` completes with the real fields. Shapes follow the CloudFront developer guide
// ("CloudFront Functions event structure" and "Lambda@Edge event structure").
import type { EdgeFunction } from '../../engine/scenario';

export const EDGE_FUNCTION_TYPES = `
declare namespace AWSCloudFrontFunction {
  interface Value { value: string; multiValue?: { value: string }[] }
  interface ValueMap { [name: string]: Value }
  interface ResponseCookie { value: string; attributes?: string; multiValue?: { value: string; attributes?: string }[] }
  interface Context {
    distributionDomainName: string;
    distributionId: string;
    eventType: 'viewer-request' | 'viewer-response';
    requestId: string;
    endpoint?: string;
  }
  interface Viewer { ip: string }
  interface Request {
    method: string;
    uri: string;
    /** query parameters by name, e.g. request.querystring.page.value */
    querystring: ValueMap;
    /** lower-case header names, e.g. request.headers.host.value */
    headers: ValueMap;
    cookies: ValueMap;
  }
  interface Response {
    statusCode: number;
    statusDescription?: string;
    headers: ValueMap;
    cookies: { [name: string]: ResponseCookie };
    body?: { data: string; encoding: 'text' | 'base64' } | string;
  }
  interface ViewerRequestEvent { version: '1.0'; context: Context; viewer: Viewer; request: Request }
  interface ViewerResponseEvent extends ViewerRequestEvent { response: Response }
  type Event = ViewerRequestEvent | ViewerResponseEvent;
}

/** Runtime 2.0's built-in module: \`import cf from 'cloudfront'\`. */
declare module 'cloudfront' {
  interface KeyValueStore {
    /** throws when the key is missing */
    get(key: string, options?: { format?: 'string' | 'json' | 'bytes' }): Promise<unknown>;
    exists(key: string): Promise<boolean>;
    meta(): Promise<{ creationDateTime: string; lastUpdatedDateTime: string; keyCount: number }>;
  }
  const cf: {
    /** the KeyValueStore associated with this function (the editor's KeyValueStore panel) */
    kvs(): KeyValueStore;
    /** NOT MODELLED by EdgeLab: throws (use a Lambda@Edge origin-request function) */
    updateRequestOrigin(params: object): void;
    /** NOT MODELLED by EdgeLab: throws */
    selectRequestOriginById(originId: string): void;
    /** NOT MODELLED by EdgeLab: throws */
    createRequestOriginGroup(params: object): void;
  };
  export default cf;
}

declare namespace AWSLambdaEdge {
  interface Header { key?: string; value: string }
  interface Headers { [lowerCaseName: string]: Header[] }
  interface Body { inputTruncated: boolean; action: 'read-only' | 'replace'; encoding: 'base64' | 'text'; data: string }
  interface CustomOrigin {
    domainName: string; port: number; protocol: 'http' | 'https'; path: string;
    sslProtocols: string[]; readTimeout: number; keepaliveTimeout: number; customHeaders: Headers;
  }
  interface S3Origin { domainName: string; path: string; region: string; authMethod: 'origin-access-identity' | 'none'; customHeaders: Headers }
  interface Request {
    clientIp: string;
    method: string;
    uri: string;
    /** the raw query string without '?', e.g. "page=1&size=10" */
    querystring: string;
    headers: Headers;
    body?: Body;
    origin?: { custom?: CustomOrigin; s3?: S3Origin };
  }
  interface Response { status: string; statusDescription?: string; headers: Headers; body?: string; bodyEncoding?: 'text' | 'base64' }
  interface Config {
    distributionDomainName: string;
    distributionId: string;
    eventType: 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';
    requestId: string;
  }
  interface CF { config: Config; request: Request; response?: Response }
  interface Event { Records: { cf: CF }[] }
  interface Context { functionName: string; awsRequestId: string; getRemainingTimeInMillis(): number }
  type Result = Request | Response | null | undefined;
  type Handler = (event: Event, context: Context, callback?: (error: unknown, result?: Result) => void) => Promise<Result>;
}
`;

/** The JSDoc type a new function's handler gets, so the editor knows what `event` is. */
export function eventTypeHint(kind: EdgeFunction['kind'], eventType: string): string {
  if (kind === 'lambda-edge') return '/** @type {AWSLambdaEdge.Handler} */';
  const type = eventType === 'viewer-response' ? 'ViewerResponseEvent' : 'ViewerRequestEvent';
  return `/** @param {AWSCloudFrontFunction.${type}} event */`;
}

/**
 * Puts the type hint on the line before the handler (a comment: it changes nothing at run time
 * and costs ~50 of the 10 KB). Code that already annotates its handler, or has none, is kept.
 */
export function withTypeHint(code: string, kind: EdgeFunction['kind'], eventType: string): string {
  if (/@(param|type)\s*\{AWS(CloudFrontFunction|LambdaEdge)\./.test(code)) return code;
  const m = /^(async\s+function\s+handler\b|function\s+handler\b|exports\.handler\s*=)/m.exec(code);
  if (!m) return code;
  return `${code.slice(0, m.index)}${eventTypeHint(kind, eventType)}\n${code.slice(m.index)}`;
}
