import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import type { VegaLiteSpec } from './chart-specs';

/**
 * The worker's code. Vega 6 is ESM with a top-level await (its optional canvas probe), which
 * CommonJS cannot require(); the worker loads it with a real dynamic import(), so the API stays
 * CommonJS and the rendering (about 50 ms of CPU per chart) runs off the request thread.
 *
 * PNG is drawn in the same worker by resvg right after Vega, and only the PNG's bytes go back to the
 * API's thread (copied once out of resvg's memory, then transferred). resvg draws the text with the
 * DejaVu Sans faces that ship with the API (the charts' font, and the PDFs'), never with the
 * machine's fonts: a PNG looks the same on every machine, and a container without fonts draws its
 * labels too. resvg keeps no font database between renders; made from these four files alone, one
 * costs about 0.1 ms.
 *
 * One chart at a time, with a turn of the event loop between two: resvg's image (about 5 MiB for a
 * chart at 144 dpi) is freed by a finalizer that Node runs on the event loop after a garbage
 * collection, and a busy worker that takes each queued message straight after the last never runs
 * them (300 renders, 4 at a time, left the API at about 2 GiB).
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
const ready = Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
const pngOptions = {
  font: { loadSystemFonts: false, fontFiles: workerData.fontFiles, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  fitTo: { mode: 'zoom', value: workerData.pngScale },
  logLevel: 'error',
};
async function render({ id, spec, format }) {
  try {
    const [vega, vegaLite] = await ready;
    const compiled = vegaLite.compile(spec).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    if (format !== 'png') return parentPort.postMessage({ id, svg });
    const png = new Uint8Array(new Resvg(svg, pngOptions).render().asPng());
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err && err.stack ? err.stack : String(err) });
  }
}
const queue = [];
let busy = false;
async function drain() {
  await render(queue.shift());
  if (queue.length > 0) setImmediate(drain);
  else busy = false;
}
parentPort.on('message', (message) => {
  queue.push(message);
  if (!busy) {
    busy = true;
    setImmediate(drain);
  }
});`;

/**
 * The worker's heap: Vega needs a few MiB per chart, but V8 lets an isolate's heap grow far past what
 * it uses before it collects; with this bound 300 renders leave the worker at a fraction of that.
 * Should a chart ever need more, the worker stops, that request fails and the next starts a new one.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };

/** PNG at twice the SVG's size: 144 dpi for the SVG's 72. */
const PNG_SCALE = 2;
const PNG_DPI = 72 * PNG_SCALE;

/** The DejaVu Sans faces of the dejavu-fonts-ttf package (chart-specs.ts draws in DejaVu Sans). */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

type Format = 'svg' | 'png';

/**
 * The PNG with its resolution recorded (a pHYs chunk right after IHDR, in pixels per metre), so a
 * word processor or slide editor places it at the chart's size rather than twice that. resvg writes
 * none.
 */
function withDpi(png: Uint8Array, dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(perMetre, 8);
  chunk.writeUInt32BE(perMetre, 12);
  chunk[16] = 1; // the unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  const afterHeader = 8 + 4 + 4 + 13 + 4; // the signature, then IHDR: length, type, data, CRC
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

interface Pending {
  resolve: (result: string | Uint8Array) => void;
  reject: (err: Error) => void;
}

/** Renders Vega-Lite specifications to SVG, and SVG to PNG, in one long-lived worker thread. */
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
      workerData: {
        vega: pathToFileURL(require.resolve('vega')).href,
        vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
        resvg: require.resolve('@resvg/resvg-js'),
        fontFiles: FONT_FILES,
        pngScale: PNG_SCALE,
      },
    });
    worker.on('message', (m: { id: number; svg?: string; png?: Uint8Array; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      const result = m.svg ?? m.png;
      if (result !== undefined) p.resolve(result);
      else p.reject(new Error(`chart rendering failed: ${m.error}`));
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`chart worker exited with code ${code}`)));
    // An idle renderer must not keep the process alive; a busy one must (see render()).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private render(spec: VegaLiteSpec, format: Format): Promise<string | Uint8Array> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, spec, format });
    });
  }

  /** The chart as an SVG document. */
  async svg(spec: VegaLiteSpec): Promise<string> {
    return (await this.render(spec, 'svg')) as string;
  }

  /** The chart as a PNG at twice the SVG's size (144 dpi), for documents and slides. */
  async png(spec: VegaLiteSpec): Promise<Buffer> {
    return withDpi((await this.render(spec, 'png')) as Uint8Array, PNG_DPI);
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
