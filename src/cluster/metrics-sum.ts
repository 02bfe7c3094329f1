import type { Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { RenderMetrics } from '../http-server';
import type { MetricsReply, MetricsRequest, RegistryJson } from './messages';

interface Scrape {
  waiting: Set<number>;
  replies: RegistryJson[];
  done: (error?: Error) => void;
}

/**
 * `/metrics` of a cluster, in the primary: one scrape asks every serving worker for its registry and sums them
 * with prom-client's `AggregatorRegistry` (counters and histograms added, the event-loop lag averaged, …), so
 * a scrape sees the whole process tree, not whichever worker the connection landed on.
 */
export class MetricsSum {
  private nextId = 0;
  private readonly scrapes = new Map<number, Scrape>();

  constructor(private readonly timeoutMs = 5_000) {}

  /** The sum over `workers`; fails (never a partial sum passed off as the total) if one does not answer. */
  async render(workers: Worker[]): Promise<Awaited<ReturnType<RenderMetrics>>> {
    const id = this.nextId++;
    const replies: RegistryJson[] = [];
    const waiting = new Set(workers.map((w) => w.id));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`worker(s) ${[...waiting].join(', ')} sent no metrics within ${this.timeoutMs} ms`)), this.timeoutMs);
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.scrapes.delete(id);
        if (error) reject(error);
        else resolve();
      };
      this.scrapes.set(id, { waiting, replies, done });
      const request: MetricsRequest = { type: 'identity:metrics-request', id };
      for (const worker of workers) worker.send(request);
      if (waiting.size === 0) done();
    });
    const registry = AggregatorRegistry.aggregate(replies);
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  received(worker: Worker, reply: MetricsReply): void {
    const scrape = this.scrapes.get(reply.id);
    if (!scrape?.waiting.delete(worker.id)) return;
    if (reply.error !== undefined || !reply.metrics) {
      scrape.done(new Error(`worker ${worker.id}: ${reply.error ?? 'no metrics'}`));
      return;
    }
    scrape.replies.push(reply.metrics);
    if (scrape.waiting.size === 0) scrape.done();
  }

  /** A worker exited: scrapes wait for it no longer (its counters left with it, as after any restart). */
  gone(workerId: number): void {
    for (const scrape of this.scrapes.values()) {
      if (scrape.waiting.delete(workerId) && scrape.waiting.size === 0) scrape.done();
    }
  }
}
