import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import type { VegaLiteSpec } from './chart-specs';

/**
 * The worker's code. Vega 6 is ESM with a top-level await (its optional canvas probe), which
 * CommonJS cannot require(); the worker loads it with a real dynamic import(), so the API stays
 * CommonJS and the rendering (about 50 ms of CPU per chart) runs off the request thread.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
parentPort.on('message', async ({ id, spec }) => {
  try {
    const [vega, vegaLite] = await ready;
    const compiled = vegaLite.compile(spec).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    parentPort.postMessage({ id, svg });
  } catch (err) {
    parentPort.postMessage({ id, error: err && err.stack ? err.stack : String(err) });
  }
});`;

/**
 * The worker's heap: Vega needs a few MiB per chart, but V8 lets an isolate's heap grow far past what
 * it uses before it collects; with this bound 300 renders leave the worker at a fraction of that.
 * Should a chart ever need more, the worker stops, that request fails and the next starts a new one.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

interface Pending {
  resolve: (svg: string) => void;
  reject: (err: Error) => void;
}

/** Renders Vega-Lite specifications to SVG in one long-lived worker thread, and SVG to PNG with sharp. */
@Injectable()
export class ChartRenderer implements OnModuleDestroy {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      resourceLimits: WORKER_LIMITS,
      workerData: { vega: pathToFileURL(require.resolve('vega')).href, vegaLite: pathToFileURL(require.resolve('vega-lite')).href },
    });
    worker.on('message', (m: { id: number; svg?: string; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.svg !== undefined) p.resolve(m.svg);
      else p.reject(new Error(`chart rendering failed: ${m.error}`));
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`chart worker exited with code ${code}`)));
    // An idle renderer must not keep the process alive; a busy one must (see svg()).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The chart as an SVG document. */
  svg(spec: VegaLiteSpec): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, spec });
    });
  }

  /** The chart as a PNG at twice the SVG's size (144 dpi), for documents and slides. */
  async png(spec: VegaLiteSpec): Promise<Buffer> {
    const svg = await this.svg(spec);
    return sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
