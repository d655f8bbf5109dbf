// The engine's internal HTTP model, shared by the pipeline and the edge-function runtime.
// Header names are lower-case; each value list holds one entry per header line.
// Cookies travel in headers['cookie'] / headers['set-cookie'] like on the wire.

export type HeaderMap = Record<string, string[]>;

export interface EdgeRequest {
  method: string;
  /** path, starting with '/' (no query) */
  uri: string;
  /** raw query string without '?', '' when none */
  querystring: string;
  headers: HeaderMap;
  clientIp: string;
  body?: string;
}

export interface EdgeResponse {
  status: number;
  statusDescription?: string;
  headers: HeaderMap;
  /** textual body when known (always for bodies up to 64 KB we generate) */
  body?: string;
  bodySize: number;
}
