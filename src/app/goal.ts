import { mount } from 'svelte';
import { FIELDS } from '../core/config/params';
import { goalSpecOf } from '../core/session/goal';
import { GoalModel } from '../ui/goal/goalModel.svelte';
import GoalPage from '../ui/page/GoalPage.svelte';
import { PageState } from '../ui/page/pageState.svelte';
import { applyTheme } from '../ui/themes/themes';
import '../ui/themes/themes.css';
import { runPage } from './runPage';
import { createRuntime } from './runtime';
import './page.css';

/** What the goal page shows until `goal=` is set, so a new source is visibly a goal bar. */
const PLACEHOLDER_TARGET = 1000;

/** The goal page: URL -> session -> one goal bar. Owns every disposer and stops them on pagehide. */
async function main(): Promise<void> {
  const runtime = await createRuntime('goal');
  const { config } = runtime;
  applyTheme(document.documentElement, config);
  const spec = goalSpecOf(config) ?? {
    kind: config.goalkind,
    target: PLACEHOLDER_TARGET,
    start: config.goalstart,
    repeat: config.goalrepeat,
  };
  const chrome = runtime.chrome();
  if (config.goal === undefined && config.issues) {
    const message = `goal is needed on the goal page (${FIELDS.goal.allowed}); showing ${PLACEHOLDER_TARGET}`;
    chrome.issues = [...chrome.issues, { param: 'goal', message }];
  }
  const model = new GoalModel(runtime.session, spec, { title: config.goaltitle });
  const page = new PageState();
  const target = document.getElementById('app');
  if (!target) throw new Error('goal.html has no #app');
  const app = mount(GoalPage, { target, props: { model, page, ...chrome } });
  await runPage({ runtime, model, page, app });
}

void main();
