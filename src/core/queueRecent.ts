/** What became of a moment that is no longer waiting or playing. */
export type Fate = 'played' | 'summarised' | 'skipped' | 'below-min';

/**
 * Remembers the fate of recent moment ids so a late combo update never opens a second alert.
 * Bounded (oldest forgotten first) so a stream of 10,000s of alerts keeps memory flat.
 */
export class RecentIds {
  private readonly fates = new Map<string, Fate>();

  constructor(private readonly capacity = 5000) {}

  get(id: string): Fate | undefined {
    return this.fates.get(id);
  }

  set(id: string, fate: Fate): void {
    this.fates.delete(id);
    this.fates.set(id, fate);
    if (this.fates.size > this.capacity) {
      const oldest = this.fates.keys().next();
      if (!oldest.done) this.fates.delete(oldest.value);
    }
  }

  delete(id: string): void {
    this.fates.delete(id);
  }

  get size(): number {
    return this.fates.size;
  }
}
