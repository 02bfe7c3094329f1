import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simulatorOptionsFromEnv } from '../../datasources/simulator/main';
import type { RunningSimulator } from '../../datasources/simulator/server';
import type { AppConfig } from '../config';
import { serveMetrics } from '../http-server';
import type { Logger } from '../observability';
import { startEmbeddedSimulator } from '../service';
import { describeAccess, describeWrites } from '../startup-messages';
import { CLUSTER_UPSTREAM_ENV, isMessage, type MetricsReply, type SumReply, type SumRequest, type WorkerFailed, type WorkerReady } from './messages';
import { MetricsSum } from './metrics-sum';
import { RestartPolicy } from './restart-policy';

/** Past the request deadline, a worker's drain has this long to finish before it is killed. */
const DRAIN_MARGIN_MS = 5_000;
/**
 * One Ctrl-C or `kill` often arrives twice: the terminal signals the whole process group, and npm (or
 * `node --watch`) forwards it to its child as well. Only a signal later than this is the operator's second.
 */
const REPEAT_SIGNAL_MS = 1_000;

interface WorkerRecord {
  worker: Worker;
  /** When it began serving; unset while it starts. */
  readyAt?: number;
  /** Why it could not start, as it said. */
  failure?: string;
}

type State = 'starting' | 'serving' | 'stopping';

/**
 * The `node:cluster` primary of `npm start` with WEB_CONCURRENCY > 1. It serves no GraphQL: it starts the
 * embedded simulator once (no V41_BASE_URL) for all workers, forks them onto the shared port, sums their
 * metrics, replaces a worker that dies (with backoff, giving up when replacements cannot start), and on
 * SIGTERM/SIGINT lets every worker drain before closing the simulator. A second signal, or a drain past the
 * request deadline plus a margin, ends everything at once (exit 1).
 */
export async function runPrimary(config: AppConfig, logger: Logger): Promise<void> {
  const embedded = config.upstream ? undefined : await startEmbeddedSimulator(config, logger, simulatorOptionsFromEnv(process.env));
  const { timeoutMs: _perTry, ...connection } = embedded?.connection ?? { timeoutMs: 0 };
  const primary = new Primary(config, logger, embedded?.simulator, { [CLUSTER_UPSTREAM_ENV]: embedded ? JSON.stringify(connection) : '' });
  await primary.start();
}

class Primary {
  private state: State = 'starting';
  private readonly records = new Map<number, WorkerRecord>();
  private readonly restarts = new RestartPolicy();
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private readonly sum = new MetricsSum();
  private metricsServer: Server | undefined;
  private metricsUrl: string | undefined;
  private exitCode = 0;
  private stoppingSince = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly logger: Logger,
    private readonly simulator: RunningSimulator | undefined,
    private readonly workerEnv: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    if (this.config.metricsPort !== undefined) await this.serveMetricsPort(this.config.metricsPort);
    cluster.on('message', (worker, message) => this.onMessage(worker, message));
    cluster.on('exit', (worker, code, signal) => this.onExit(worker, code, signal));
    process.on('SIGINT', () => this.stop('SIGINT'));
    process.on('SIGTERM', () => this.stop('SIGTERM'));
    for (let i = 0; i < this.config.workers; i += 1) this.fork();
  }

  private fork(): void {
    const worker = cluster.fork(this.workerEnv);
    this.records.set(worker.id, { worker });
  }

  private serving(): Worker[] {
    return [...this.records.values()].filter((r) => r.readyAt !== undefined && r.worker.isConnected()).map((r) => r.worker);
  }

  /** A failed scrape is answered 500 and says why here: a Prometheus gap must have a reason in the log. */
  private sumOfWorkers(): ReturnType<MetricsSum['render']> {
    return this.sum.render(this.serving()).catch((error: Error) => {
      this.logger.warn({ err: error }, 'Metrics scrape failed');
      throw error;
    });
  }

  private onMessage(worker: Worker, message: unknown): void {
    const record = this.records.get(worker.id);
    if (!record) return;
    if (isMessage<WorkerReady>(message, 'identity:ready')) {
      record.readyAt = performance.now();
      this.logger.info({ workerId: worker.id, workerPid: worker.process.pid }, `Worker ${worker.id} serving`);
      if (this.state === 'starting' && [...this.records.values()].every((r) => r.readyAt !== undefined)) this.announce(message);
    } else if (isMessage<WorkerFailed>(message, 'identity:failed')) {
      record.failure = message.reason;
    } else if (isMessage<MetricsReply>(message, 'identity:metrics-reply')) {
      this.sum.received(worker, message);
    } else if (isMessage<SumRequest>(message, 'identity:sum-request')) {
      const { id } = message;
      const reply = (answer: Omit<SumReply, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: 'identity:sum-reply', id, ...answer } satisfies SumReply);
      this.sumOfWorkers().then(reply, (error: Error) => reply({ error: error.message }));
    }
  }

  private announce({ url, graphqlUrl, metricsUrl }: WorkerReady): void {
    this.state = 'serving';
    this.logger.info(
      {
        workers: this.config.workers,
        graphql: graphqlUrl,
        health: `${url}/health`,
        ready: `${url}/ready`,
        metrics: this.metricsUrl ?? metricsUrl,
        tracing: this.config.tracing.otlpEndpoint ?? 'off',
      },
      `Identity subgraph ready at ${graphqlUrl} (${this.config.workers} workers)`,
    );
    this.logger.info(describeAccess(this.config));
    this.logger.info(describeWrites(this.config));
  }

  private onExit(worker: Worker, code: number | null, signal: string | null): void {
    const record = this.records.get(worker.id);
    this.records.delete(worker.id);
    this.sum.gone(worker.id);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const who = { workerId: worker.id, workerPid: worker.process.pid, code, signal };
    if (this.state === 'stopping') {
      if (record?.readyAt !== undefined && code !== 0) this.exitCode = 1; // its drain failed
      this.logger.info(who, `Worker ${worker.id} stopped (${how})`);
      if (this.records.size === 0) void this.finish();
      return;
    }
    if (this.state === 'starting') {
      this.fail(record?.failure ?? `Failed to start: worker ${worker.id} exited (${how}) before serving`);
      return;
    }
    this.logger.error({ ...who, ...(record?.failure ? { reason: record.failure } : {}) }, `Worker ${worker.id} exited unexpectedly (${how})`);
    const decision = this.restarts.onExit(record?.readyAt === undefined ? undefined : performance.now() - record.readyAt);
    if ('giveUp' in decision) {
      this.fail(`Workers keep failing: ${decision.giveUp}${record?.failure ? `; the last said:\n${record.failure}` : ''}`);
      return;
    }
    this.logger.warn({ restartInMs: decision.restartInMs }, `Replacing worker ${worker.id} in ${decision.restartInMs} ms`);
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      if (this.state === 'serving') this.fork();
    }, decision.restartInMs);
    this.restartTimers.add(timer);
  }

  /** Reported once, the way a single process reports its start-up failure; then everything stops (exit 1). */
  private fail(reason: string): void {
    console.error(reason);
    this.exitCode = 1;
    this.stop('Failure');
  }

  private stop(reason: string): void {
    if (this.state === 'stopping') {
      if ((reason === 'SIGINT' || reason === 'SIGTERM') && performance.now() - this.stoppingSince > REPEAT_SIGNAL_MS) {
        this.logger.warn(`${reason} again: stopping now, without waiting for the drain`);
        this.forceExit();
      }
      return;
    }
    this.state = 'stopping';
    this.stoppingSince = performance.now();
    for (const timer of this.restartTimers) clearTimeout(timer);
    this.logger.info(`${reason}: each worker drains its in-flight requests, then the cluster shuts down`);
    for (const { worker, readyAt } of this.records.values()) {
      // One still starting has nothing in flight, and may not listen to messages yet.
      if (readyAt !== undefined && worker.isConnected()) worker.send({ type: 'identity:shutdown' });
      else worker.process.kill('SIGTERM');
    }
    const boundMs = this.config.requestBounds.timeoutMs + DRAIN_MARGIN_MS;
    setTimeout(() => {
      this.logger.error(`Workers still draining after ${boundMs} ms: stopping them`);
      this.forceExit();
    }, boundMs).unref();
    if (this.records.size === 0) void this.finish();
  }

  private forceExit(): never {
    for (const { worker } of this.records.values()) worker.process.kill('SIGKILL');
    process.exit(1);
  }

  /** Every worker is gone: nothing calls the simulator any more. */
  private async finish(): Promise<void> {
    await new Promise<void>((resolve) => (this.metricsServer ? this.metricsServer.close(() => resolve()) : resolve()));
    await this.simulator?.close();
    process.exit(this.exitCode);
  }

  private async serveMetricsPort(port: number): Promise<void> {
    const server = createServer((req, res) => void serveMetrics(() => this.sumOfWorkers(), req, res).catch(() => res.headersSent || res.writeHead(500).end('metrics unavailable')));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.host, () => resolve());
    });
    this.metricsServer = server;
    const host = this.config.host === '0.0.0.0' || this.config.host === '::' ? 'localhost' : this.config.host;
    this.metricsUrl = `http://${host}:${(server.address() as AddressInfo).port}/metrics`;
  }
}
