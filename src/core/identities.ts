import type { BoardUser } from './board';
import { compileBlocklist, maskName, type BlockAction, type Blocklist } from './blocklist';
import { giftLabel } from './describe';
import type { CoreEvent } from './events';
import { ANONYMOUS, sanitizeName } from './names';
import { RecentMap } from './recent';

/** Who sent an event, as the session shows them: sanitised, masked when blocked, anonymous merged. */
export interface Who {
  key: string;
  /** The board's view of the sender (the masked name when blocked). */
  user: BoardUser;
  /** What the callout shows (the mask with blockaction=mask). */
  momentName: string;
  /** False with blockaction=skip for a blocked name. */
  callout: boolean;
  /** The raw display name and login this was made from (the cache key's check). */
  raw: string;
  login: string;
}

/** Every anonymous gifter shares one board row. */
export const ANONYMOUS_KEY = 'anonymous';

/**
 * Names and gift labels are cleaned once per distinct sender / gift name (bounded caches), not once
 * per delivery: a streak sends the same name dozens of times a second.
 */
export class Identities {
  readonly #blocklist: Blocklist;
  readonly #blockAction: BlockAction;
  readonly #who = new RecentMap<Who>(10_000);
  readonly #labels = new RecentMap<string>(1_000);

  constructor(block: readonly string[], blockAction: BlockAction) {
    this.#blocklist = compileBlocklist(block);
    this.#blockAction = blockAction;
  }

  label(event: CoreEvent): string {
    if (event.kind !== 'gift') return giftLabel(event);
    let label = this.#labels.get(event.gift.name);
    if (label === undefined) {
      label = giftLabel(event);
      this.#labels.set(event.gift.name, label);
    }
    return label;
  }

  of(event: CoreEvent): Who {
    const sender = event.sender;
    const key = sender.anonymous ? ANONYMOUS_KEY : sender.key;
    const cached = this.#who.get(key);
    if (cached && cached.raw === sender.name && cached.login === sender.login) return cached;
    const name = sender.anonymous ? ANONYMOUS : sanitizeName(sender.name, sender.login);
    const blocked = !sender.anonymous && this.#blocklist.matches(sender.name, name, sender.login);
    const masked = blocked ? maskName(name) : name;
    const skip = blocked && this.#blockAction === 'skip';
    const login = sender.anonymous ? '' : sender.login;
    const who: Who = {
      key,
      user: { key, name: masked, login, platform: event.platform },
      momentName: skip ? name : masked,
      callout: !skip,
      raw: sender.name,
      login: sender.login,
    };
    this.#who.set(key, who);
    return who;
  }
}
