/**
 * Installed in every bench page before its own scripts (page.addInitScript): counts
 * requestAnimationFrame callbacks that run, keeps main-thread long tasks (PerformanceObserver
 * 'longtask', tasks over 50 ms), and stamps every `.gg-callout` added to the DOM with Date.now()
 * twice: when it is inserted, and at the next animation frame (the frame that paints it).
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { raf: 0, longTasks: [], callouts: [] };
  window.__bench = probe;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { probe.raf++; cb(t); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const seen = (node) => {
    const inserted = Date.now();
    const record = { key: node.getAttribute('data-key'), name: '', inserted, painted: 0 };
    probe.callouts.push(record);
    raf(() => {
      record.painted = Date.now();
      const name = node.querySelector('.gg-name');
      record.name = name ? name.textContent : '';
    });
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (n.classList.contains('gg-callout')) seen(n);
      else for (const c of n.getElementsByClassName('gg-callout')) seen(c);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface Probe {
  raf: number;
  longTasks: { start: number; duration: number }[];
  callouts: { key: string; name: string; inserted: number; painted: number }[];
}
