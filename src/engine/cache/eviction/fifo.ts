// First-in-first-out: hits do not change the order; the oldest insert is evicted first.
// Cheaper per hit than LRU, and a useful teaching contrast (popular objects get evicted too).
import { LinkedStore } from './linkedStore';
import type { Sized } from '../store';

export class FifoStore<V extends Sized> extends LinkedStore<V> {
  readonly policy = 'fifo' as const;

  protected onHit(): void {}
}
