// Least-recently-used: a hit moves the entry to the newest end; the oldest is evicted first.
import { LinkedStore } from './linkedStore';
import type { Sized } from '../store';

export class LruStore<V extends Sized> extends LinkedStore<V> {
  readonly policy = 'lru' as const;

  protected onHit(slot: number): void {
    this.toTail(slot);
  }
}
