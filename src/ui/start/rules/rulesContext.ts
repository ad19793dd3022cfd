import type { HubState } from '../hubState.svelte';
import type { StartModel } from '../startModel.svelte';
import type { MediaState } from './MediaState.svelte';
import type { RulesState } from './RulesState.svelte';

/** What the rule list and each of its rows are given: the rules, the media, the page and its hub. */
export interface RulesContext {
  rules: RulesState;
  media: MediaState;
  model: StartModel;
  hub: HubState;
  hubUp: boolean;
  clock: () => Date;
}
