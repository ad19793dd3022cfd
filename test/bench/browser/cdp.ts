import type { Browser, CDPSession, Page } from '@playwright/test';

/** Process CPU seconds by Chromium process id and type, from the browser-wide CDP session. */
export async function processCpu(
  cdp: CDPSession,
): Promise<Map<number, { type: string; cpu: number }>> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  return new Map(processInfo.map((p) => [p.id, { type: p.type, cpu: p.cpuTime }]));
}

export interface CpuUse {
  seconds: number;
  /** Renderer + GPU CPU time as % of one core over the window. */
  rendererPercent: number;
  gpuPercent: number;
  percent: number;
  /** The same as CPU-seconds used over the window. */
  rendererSeconds: number;
  gpuSeconds: number;
}

/**
 * CPU of the renderer and GPU processes over `ms` (processes alive at both ends; any other
 * process type, e.g. the browser or network service, is left out as the issue asks).
 */
export async function cpuOver(
  browser: Browser,
  ms: number,
  during?: () => Promise<void>,
): Promise<CpuUse> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const before = await processCpu(cdp);
    const t0 = performance.now();
    await Promise.all([new Promise((wake) => setTimeout(wake, ms)), during?.()]);
    const after = await processCpu(cdp);
    const seconds = (performance.now() - t0) / 1000;
    let renderer = 0;
    let gpu = 0;
    for (const [id, now] of after) {
      const then = before.get(id);
      if (!then) continue;
      const used = Math.max(0, now.cpu - then.cpu);
      if (now.type === 'renderer') renderer += used;
      // Chromium names it 'GPU' (older builds 'gpu'): matching one spelling counted no GPU time.
      else if (now.type.toLowerCase() === 'gpu') gpu += used;
    }
    const pct = (s: number) => Math.round((s / seconds) * 1000) / 10;
    const cs = (s: number) => Math.round(s * 1000) / 1000;
    return {
      seconds,
      rendererSeconds: cs(renderer),
      gpuSeconds: cs(gpu),
      rendererPercent: pct(renderer),
      gpuPercent: pct(gpu),
      percent: pct(renderer + gpu),
    };
  } finally {
    await cdp.detach();
  }
}

export interface MemoryCounts {
  /** JS heap used after two forced garbage collections (bytes). */
  heapUsed: number;
  documents: number;
  nodes: number;
  jsEventListeners: number;
  /** Listeners on window and on document (DOMDebugger.getEventListeners). */
  windowListeners: number;
  documentListeners: number;
}

export async function memoryCounts(page: Page): Promise<MemoryCounts> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await cdp.send('Memory.getDOMCounters')) as {
      documents: number;
      nodes: number;
      jsEventListeners: number;
    };
    const listeners = async (expression: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      if (!result.objectId) return 0;
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
      });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return listeners.length;
    };
    return {
      heapUsed: heap.usedSize,
      documents: dom.documents,
      nodes: dom.nodes,
      jsEventListeners: dom.jsEventListeners,
      windowListeners: await listeners('window'),
      documentListeners: await listeners('document'),
    };
  } finally {
    await cdp.detach();
  }
}
