import { isSignKey, SIGN_KEY_RULE, type SignKeySource } from '../../wire/signKey';
import type { HubState } from './hubState.svelte';

/**
 * The start page's view of the optional sign key: where the hub's key comes from (its status
 * says, never the key), and Save / Forget through the hub. The page holds a typed key only until
 * the hub kept it; nothing here keeps it or shows it back.
 */

/** Where the key comes from, or why the page cannot say (no hub yet, none, or one too old). */
export type KeyShown = SignKeySource | 'asking' | 'no-hub' | 'old-hub';

export const KEY_STATE_TEXT: Record<KeyShown, string> = {
  file: 'A key is set (from this page).',
  env: 'A key is set (from SIGN_API_KEY).',
  none: 'No key: free, rate-limited.',
  asking: 'Asking the hub…',
  'no-hub': 'Saving a key needs npm start: run it and open the start page it prints.',
  'old-hub':
    'This npm start does not take a key from this page: restart it with the latest Giftglow.',
};

export class SignKeyState {
  /** What the last Save or Forget did, in words. */
  said = $state('');
  busy = $state(false);

  readonly #hub: HubState;

  constructor(hub: HubState) {
    this.#hub = hub;
  }

  get shown(): KeyShown {
    const status = this.#hub.status;
    if (status === null) return 'asking';
    if (!status.reachable) return 'no-hub';
    return status.signKey ?? 'old-hub';
  }

  /** Saves the key typed (spaces around it dropped); true once the hub kept it. */
  save(typed: string): Promise<boolean> {
    const key = typed.trim();
    if (isSignKey(key)) return this.#send(key);
    this.said = `Not saved: ${SIGN_KEY_RULE}, with no spaces.`;
    return Promise.resolve(false);
  }

  forget(): Promise<boolean> {
    return this.#send(null);
  }

  async #send(key: string | null): Promise<boolean> {
    this.busy = true;
    this.said = key === null ? 'Forgetting the key…' : 'Saving the key…';
    const result = await this.#hub.client.saveSignKey(key);
    this.busy = false;
    if (!result.ok) {
      this.said = `${key === null ? 'Not forgotten' : 'Not saved'}: ${result.why}`;
      return false;
    }
    const status = this.#hub.status;
    if (status?.reachable) this.#hub.status = { ...status, signKey: result.signKey };
    this.said = doneText(key !== null, result.signKey);
    return true;
  }
}

function doneText(saved: boolean, source: SignKeySource): string {
  if (source === 'env') {
    return `${saved ? 'Saved' : 'Forgotten'}; SIGN_API_KEY is set, and it wins over this page.`;
  }
  return saved
    ? 'Saved: TikTok connections use it from their next attempt.'
    : 'Forgotten: TikTok connections go without a key from their next attempt.';
}
