import type { BoardUser } from './Board';
import { compileBlocklist, maskName, type BlockAction, type Blocklist } from '../text/blocklist';
import { giftLabel } from '../event/giftLabel';
import type { CoreEvent } from '../event/events';
import { ANONYMOUS, sanitizeName } from '../text/names';
import { RecentMap } from '../RecentMap';

/**
 * Who sent an event, as the session shows them: sanitised, masked when blocked, anonymous merged.
 * A value: the board's view of the sender (`BoardUser`) and what the callout shows.
 */
export interface Who extends BoardUser {
  /** What the callout shows (the mask with blockaction=mask). */
  readonly momentName: string;
  /** False with blockaction=skip for a blocked name. */
  readonly callout: boolean;
}

/** Every anonymous gifter shares one board row. */
const ANONYMOUS_KEY = 'anonymous';

/** A sender's identity and the raw name and login it was made from. */
interface Made {
  raw: string;
  rawLogin: string;
  who: Who;
}

/**
 * Names and gift labels are cleaned once per distinct sender and name, not once per delivery: a
 * streak sends the same name dozens of times a second. A sender whose name changed gets a new
 * identity. Bounded: a stream left running for hours keeps the newest senders only.
 */
export class Identities {
  readonly #blocklist: Blocklist;
  readonly #blockAction: BlockAction;
  /** As many senders as a big board holds: a miss cleans the name again on every step. */
  readonly #made = new RecentMap<Made>(100_000);
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

  /** The sender of `event`. */
  of(event: CoreEvent): Who {
    const sender = event.sender;
    const key = sender.anonymous ? ANONYMOUS_KEY : sender.key;
    const made = this.#made.get(key);
    if (made && made.raw === sender.name && made.rawLogin === sender.login) return made.who;
    const name = sender.anonymous ? ANONYMOUS : sanitizeName(sender.name, sender.login);
    const blocked = !sender.anonymous && this.#blocklist.matches(sender.name, name, sender.login);
    const masked = blocked ? maskName(name) : name;
    const skip = blocked && this.#blockAction === 'skip';
    const who: Who = {
      key,
      name: masked,
      login: sender.anonymous ? '' : sender.login,
      platform: event.platform,
      momentName: skip ? name : masked,
      callout: !skip,
    };
    this.#made.set(key, { raw: sender.name, rawLogin: sender.login, who });
    return who;
  }
}
