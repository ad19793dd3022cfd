import type { BoardUser, GifterRow } from './board';
import { compileBlocklist, maskName, type BlockAction, type Blocklist } from './blocklist';
import { giftLabel } from './describe';
import type { CoreEvent, Platform } from './events';
import { ANONYMOUS, sanitizeName } from './names';
import { RecentMap } from './recent';

/**
 * Who sent an event, as the session shows them: sanitised, masked when blocked, anonymous merged.
 * It is itself the board's view of the sender (`BoardUser`: key, the masked name, login, platform),
 * so a delivery from a known gifter reads one object, not three.
 */
export interface Who extends BoardUser {
  /** What the callout shows (the mask with blockaction=mask). */
  momentName: string;
  /** False with blockaction=skip for a blocked name. */
  callout: boolean;
  /** The raw display name and login this was made from (the cache key's check). */
  raw: string;
  rawLogin: string;
  /** The sender's board row once they have one (see `seat`). */
  row: GifterRow | undefined;
  /** Made by the latest `of`: its name may not be on the sender's row yet (the session clears it). */
  fresh: boolean;
}

/** Every anonymous gifter shares one board row. */
export const ANONYMOUS_KEY = 'anonymous';

/**
 * Names and gift labels are cleaned once per distinct sender / gift name, not once per delivery: a
 * streak sends the same name dozens of times a second. Senders on the board stay cached as long as
 * their row (the board keeps every gifter anyway), with the row itself: one map lookup per delivery.
 * So do senders of money events (a streak's first steps come before its value is on the board);
 * everyone else (likes, follows) sits in a bounded cache, which a money event does not even read.
 */
export class Identities {
  readonly #blocklist: Blocklist;
  readonly #blockAction: BlockAction;
  /** By platform, then the platform's user id (see `Sender.id`); anonymous gifters share one. */
  readonly #gifters = new Map<Platform, Map<string, Who>>();
  #anonymous: Who | undefined;
  readonly #others = new RecentMap<Who>(10_000);
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

  /** The sender of `event`; `money` says it ranks (so the sender is or becomes a gifter). */
  of(event: CoreEvent, money: boolean): Who {
    const sender = event.sender;
    const gifters = this.#platform(event.platform);
    const cached = sender.anonymous
      ? this.#anonymous
      : (gifters.get(sender.id) ?? (money ? undefined : this.#others.get(sender.key)));
    if (cached && cached.raw === sender.name && cached.rawLogin === sender.login) return cached;
    const name = sender.anonymous ? ANONYMOUS : sanitizeName(sender.name, sender.login);
    const blocked = !sender.anonymous && this.#blocklist.matches(sender.name, name, sender.login);
    const masked = blocked ? maskName(name) : name;
    const skip = blocked && this.#blockAction === 'skip';
    const who: Who = {
      key: sender.anonymous ? ANONYMOUS_KEY : sender.key,
      name: masked,
      login: sender.anonymous ? '' : sender.login,
      platform: event.platform,
      momentName: skip ? name : masked,
      callout: !skip,
      raw: sender.name,
      rawLogin: sender.login,
      row: cached?.row,
      fresh: true,
    };
    if (sender.anonymous) this.#anonymous = who;
    else if (who.row || money) gifters.set(sender.id, who);
    else this.#others.set(sender.key, who);
    return who;
  }

  /**
   * Links the sender of `event` (`who`, from `of`) to their board row (rows are never replaced)
   * and keeps them cached with it.
   */
  seat(event: CoreEvent, who: Who, row: GifterRow): void {
    who.row = row;
    if (event.sender.anonymous) this.#anonymous = who;
    else this.#platform(event.platform).set(event.sender.id, who);
  }

  #platform(platform: Platform): Map<string, Who> {
    let gifters = this.#gifters.get(platform);
    if (!gifters) {
      gifters = new Map();
      this.#gifters.set(platform, gifters);
    }
    return gifters;
  }
}
