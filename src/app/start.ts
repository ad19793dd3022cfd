import { mount, unmount } from 'svelte';
import { hubUrlOf } from '../feeds/protocol/hubUrl';
import { HubState } from '../ui/start/hubState.svelte';
import StartPage from '../ui/start/StartPage.svelte';
import { StartModel } from '../ui/start/startModel.svelte';
import { StreamState } from '../ui/start/StreamState.svelte';

/**
 * The start page: the OBS setup, the overlay URLs built from the one config schema, a live preview,
 * and Test alert buttons that reach every overlay through the hub of `npm start`.
 */
const target = document.getElementById('app');
if (target) {
  const model = new StartModel(location.href);
  const hub = new HubState(location.href, () => Date.now());
  const hubUrl = hubUrlOf(location.href);
  const stream = new StreamState(location.href);
  const clock = () => new Date();
  const app = mount(StartPage, { target, props: { model, hub, hubUrl, clock, stream } });
  const stopHub = hub.start();
  const stopStream = stream.start();
  addEventListener(
    'pagehide',
    () => {
      stopHub();
      stopStream();
      void unmount(app);
    },
    { once: true },
  );
}
