import { mount, unmount } from 'svelte';
import { seededRandom } from '../feeds/demo/seededRandom';
import { goalSpecOf } from '../core/session/goal';
import { BoardModel } from '../ui/board/boardModel.svelte';
import { GoalModel } from '../ui/goal/goalModel.svelte';
import { mountAlerts } from './mountAlerts';
import AlertsChrome from '../ui/page/AlertsChrome.svelte';
import { PageState } from '../ui/page/pageState.svelte';
import { createRuntime } from './runtime';
import { startAlertRules } from './alertRules';
import './page.css';

/**
 * The alerts page: URL -> feeds -> session -> moments -> alert view (PixiJS + callouts).
 * Owns every disposer; OBS reloads the page often, so everything stops on pagehide.
 */
async function main(): Promise<void> {
  const runtime = await createRuntime('alerts');
  const { config } = runtime;
  const target = document.getElementById('app');
  if (!target) throw new Error('alerts.html has no #app');
  const view = await mountAlerts(target, {
    config,
    clock: () => Date.now(),
    // Effects vary by this source: seeded from the URL so a page replays the same way.
    random: seededRandom(config.seed ^ 0x5f3759df),
    log: runtime.log,
  });
  const page = new PageState();
  const stopRules = startAlertRules({
    rulesUrl: config.rules,
    view,
    log: runtime.log,
    notes: config.issues ? (notes) => (page.notes = notes) : undefined,
  });
  const board = config.board ? new BoardModel(runtime.session, { size: config.top }) : null;
  const goalSpec = goalSpecOf(config);
  const goal = goalSpec
    ? new GoalModel(runtime.session, goalSpec, { title: config.goaltitle })
    : null;
  const chromeTarget = document.createElement('div');
  document.body.appendChild(chromeTarget);
  const chrome = mount(AlertsChrome, {
    target: chromeTarget,
    props: {
      page,
      board: board && { model: board, title: config.title },
      goal: goal && { model: goal, theme: config },
      ...runtime.chrome(),
    },
  });
  const stopBoard = board?.start();
  const stopGoal = goal?.start();
  const stopFeeds = await runtime.start({
    moment: (moment) => view.show(moment),
    feed: (state) => page.setFeed(state),
  });
  addEventListener(
    'pagehide',
    () => {
      stopFeeds();
      stopRules();
      stopBoard?.();
      stopGoal?.();
      page.destroy();
      view.destroy();
      void unmount(chrome);
    },
    { once: true },
  );
}

void main();
