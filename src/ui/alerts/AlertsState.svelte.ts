import type { CalloutView } from './calloutModel';

/** The callouts on screen, newest last. Components read it; mountAlerts writes it. */
export class AlertsState {
  callouts = $state<CalloutView[]>([]);

  get(key: string): CalloutView | undefined {
    return this.callouts.find((c) => c.key === key);
  }

  /** Show a new callout, or update one in place (same key: a combo climbing). */
  upsert(view: CalloutView): void {
    const i = this.callouts.findIndex((c) => c.key === view.key);
    if (i >= 0) this.callouts[i] = view;
    else this.callouts.push(view);
  }

  /** Start the exit transition; `remove` follows once it has played. */
  leave(key: string): void {
    const view = this.callouts.find((c) => c.key === key);
    if (view) view.leaving = true;
  }

  remove(key: string): void {
    const i = this.callouts.findIndex((c) => c.key === key);
    if (i >= 0) this.callouts.splice(i, 1);
  }
}
