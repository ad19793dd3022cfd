import { answerParent, collector } from './benchChild';
import { pageSide, type PageSide } from './tiktokPage';

/**
 * The page side of the TikTok bench in a process of its own (forked by test/bench/tiktok.ts), so
 * the hub's process and the page's are timed apart, as they run apart in use (npm start, OBS).
 * `begin` starts its CPU clock; `finish` stops it at the sink's last expected event.
 */

const gc = collector();
let page: PageSide | null = null;
let cpuStart = process.cpuUsage();
let expected = 0;

answerParent(async (ask) => {
  switch (ask.type) {
    case 'open':
      page = pageSide(String(ask.hubUrl), String(ask.username));
      await page.live;
      return null;
    case 'begin':
      expected = Number(ask.expected);
      gc();
      cpuStart = process.cpuUsage();
      return null;
    case 'finish': {
      // Gifts that never came are counted missing by the parent, from the arrivals.
      await page?.until(expected, Number(ask.timeoutMs));
      const cpu = process.cpuUsage(cpuStart);
      return { cpuMicros: cpu.user + cpu.system };
    }
    case 'arrivals': {
      const answer = { arrived: [...(page?.arrived ?? [])], drops: page?.drops ?? [] };
      page?.stop();
      page = null;
      return answer;
    }
  }
  throw new Error(`unknown question ${ask.type}`);
});
