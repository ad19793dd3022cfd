import { mount } from 'svelte';
import { BoardModel } from '../ui/board/boardModel.svelte';
import BoardPage from '../ui/page/BoardPage.svelte';
import { PageState } from '../ui/page/pageState.svelte';
import { applyTheme } from '../ui/themes/themes';
import '../ui/themes/themes.css';
import { runPage } from './runPage';
import { createRuntime } from './runtime';
import './page.css';

/** The board page: URL -> session -> board rows. Owns every disposer and stops them on pagehide. */
async function main(): Promise<void> {
  const runtime = await createRuntime('board');
  const { config } = runtime;
  applyTheme(document.documentElement, config);
  const model = new BoardModel(runtime.session, { size: config.top });
  const page = new PageState();
  const target = document.getElementById('app');
  if (!target) throw new Error('board.html has no #app');
  const app = mount(BoardPage, {
    target,
    props: {
      model,
      page,
      title: config.title,
      ...runtime.chrome(),
    },
  });
  await runPage({ runtime, model, page, app });
}

void main();
