// Assembles the in-sandbox prelude: one function expression the host calls once per sandbox
// with its configuration and the host hash function; it returns the bridge object.

import { PRELUDE_BRIDGE } from './preludeBridge';
import { PRELUDE_CORE } from './preludeCore';
import { PRELUDE_MODULES } from './preludeModules';

export interface PreludeConfig {
  kind: 'cff' | 'lambda';
  /** '1.0' / '2.0' for CloudFront Functions, 'node' for Lambda@Edge */
  runtime: '1.0' | '2.0' | 'node';
  /** console output kept per invocation, in characters */
  logCap: number;
  /** KeyValueStore contents (runtime 2.0), null when none */
  kvs: Record<string, string> | null;
  /** file name the user's code is evaluated under (error line numbers) */
  file: string;
}

export const PRELUDE_SOURCE =
  '(function edgelabPrelude(cfgJson, hostHash, hostMark) {\n"use strict";\n' +
  PRELUDE_CORE +
  PRELUDE_MODULES +
  PRELUDE_BRIDGE +
  '\n})';

/** Names of the bridge functions the host calls. */
export const BRIDGE_FUNCTIONS = ['bindCff', 'loadLambda', 'setTracking', 'cff', 'lambda', 'settle'] as const;
export type BridgeFunction = (typeof BRIDGE_FUNCTIONS)[number];
