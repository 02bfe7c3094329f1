import { median } from './table';

/**
 * Whether a run's figures can judge the targets at all. Two things make them unfit: a quick run (one short
 * round: identical code varies about ±10% from run to run on this kind of machine, more than the margin of
 * most targets), and a busy machine (other processes taking CPU during the timed runs: every figure then
 * measures the neighbours too). The run then still prints its figures, as readings, and says so in one line.
 */

/** Median CPUs kept busy by other processes during the timed runs above which a run cannot judge. */
export const BUSY_FOREIGN_CPUS = 0.25;

export interface RunFacts {
  quick: boolean;
  /** Per timed run: CPUs busy outside the benchmark (`Measurement.foreignCpus`). */
  foreignCpus: number[];
  cpus: number;
  targets: { met: boolean }[];
}

export interface Verdict {
  judged: boolean;
  line: string;
}

const FULL_RUN = '`npm run bench` (3 rounds of 8 s, about 18 minutes) on a machine with nothing else running';

export function runVerdict({ quick, foreignCpus, cpus, targets }: RunFacts): Verdict {
  const busy = foreignCpus.length > 0 ? median(foreignCpus) : 0;
  const reasons = [
    ...(quick ? ['it is a quick run (BENCH_QUICK: one short round, a smoke test)'] : []),
    ...(busy > BUSY_FOREIGN_CPUS ? [`other processes kept a median of ${busy.toFixed(2)} of the ${cpus} CPUs busy (more than ${BUSY_FOREIGN_CPUS})`] : []),
  ];
  if (reasons.length > 0) {
    return { judged: false, line: `Verdict: this run cannot judge the targets: ${reasons.join(', and ')}. The run that can: ${FULL_RUN}.` };
  }
  const missed = targets.filter((t) => !t.met).length;
  return { judged: true, line: `Verdict: this run can judge the targets (full, quiet machine): ${targets.length - missed} met, ${missed} missed.` };
}
