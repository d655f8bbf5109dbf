// The engine's Web Worker: glue only. Everything it does lives in api.ts (tested in Node).
import * as Comlink from 'comlink';
import { createApi } from './api';

// setTimeout(fn, 0) is clamped to 4 ms once nested; a MessageChannel post yields to the message
// queue (so pause() gets in) without that idle gap when the loop is behind real time.
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();

const api = createApi({
  now: () => performance.now(),
  schedule: (fn, delayMs) => {
    if (delayMs > 0) {
      setTimeout(fn, delayMs);
    } else {
      yielded.push(fn);
      yieldChannel.port2.postMessage(null);
    }
  },
});

// The app tsconfig has DOM types (where `self` is a Window); in a worker it is the worker scope,
// which has the postMessage/addEventListener pair Comlink needs.
Comlink.expose(api, self as unknown as Comlink.Endpoint);
