import { mount, unmount } from 'svelte';
import { hubUrlOf } from '../feeds/protocol/hubUrl';
import { HubState } from '../ui/start/hubState.svelte';
import StartPage from '../ui/start/StartPage.svelte';
import { StartModel } from '../ui/start/startModel.svelte';

/**
 * The start page: the OBS setup, the overlay URLs built from the one config schema, a live preview,
 * and Test alert buttons that reach every overlay through the hub of `npm start`.
 */
const target = document.getElementById('app');
if (target) {
  const model = new StartModel(location.href);
  const hub = new HubState(location.href, () => Date.now());
  const hubUrl = hubUrlOf(location.href);
  const app = mount(StartPage, { target, props: { model, hub, hubUrl, clock: () => new Date() } });
  const stopHub = hub.start();
  addEventListener(
    'pagehide',
    () => {
      stopHub();
      void unmount(app);
    },
    { once: true },
  );
}
