import type { Supporters } from '../../core/session/supporters';

/**
 * What the credits roll shows: the session's supporters in their groups (core/session/
 * supporters.ts), where they came from, and whether the roll is still moving (`gg-credits`'
 * `data-state`: loading, rolling, done, empty).
 */
export class CreditsModel {
  supporters = $state<Supporters | null>(null);
  /** 'server': the copy npm start keeps; 'page': this browser's storage (a static host). */
  from = $state<'server' | 'page' | null>(null);
  state = $state<'loading' | 'rolling' | 'done' | 'empty'>('loading');

  show(supporters: Supporters, from: 'server' | 'page'): void {
    this.supporters = supporters;
    this.from = from;
    const none =
      supporters.gifters.length + supporters.subscribers.length + supporters.followers.length === 0;
    this.state = none ? 'empty' : 'rolling';
  }

  finish(): void {
    this.state = 'done';
  }
}
