import { readFileSync } from 'node:fs';

/**
 * The floor of one query, in a Node process like the servers': the CPU to `JSON.parse` the upstream bodies the
 * query reads warm and `JSON.stringify` its response, per request. Nothing can answer the query with less.
 * Input: a JSON file `{ bodies: string[], response: string, seconds: number }`; output: one JSON line.
 */
interface FloorInput {
  bodies: string[];
  response: string;
  seconds: number;
}

/** One request's unavoidable work; the result is summed so the engine cannot drop the work. */
function once(bodies: string[], response: unknown): number {
  let kept = 0;
  for (const body of bodies) kept += JSON.parse(body) === null ? 0 : 1;
  return kept + JSON.stringify(response).length;
}

const input = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as FloorInput;
const response: unknown = JSON.parse(input.response);
let sink = 0;
// Warm up the JIT the way a server's first requests do, then count whole iterations for `seconds`.
for (let i = 0; i < 200; i += 1) sink += once(input.bodies, response);
const started = process.cpuUsage();
const until = Date.now() + input.seconds * 1000;
let iterations = 0;
while (Date.now() < until) {
  for (let i = 0; i < 20; i += 1) sink += once(input.bodies, response);
  iterations += 20;
}
const used = process.cpuUsage(started);
console.log(JSON.stringify({ cpuMsPerRequest: (used.user + used.system) / 1000 / iterations, iterations, sink: sink > 0 }));
