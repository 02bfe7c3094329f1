import { jsonText, parseWithoutSecrets, SIMULATOR_CREDENTIALS, startSimulator, toList, toRoleStoreUser } from '../src';

/**
 * `node -r ./test/helpers/ts-register.cjs bench/normalize-micro.ts`: CPU of the v41 client's hot path for one
 * 100-user page (a role's members, each with its `roles[]`, as the every-field page reads them): the body
 * decoded and parsed with secrets removed, then normalised and checked against the contract. Interleaved rounds,
 * the median printed; a figure to compare before/after a change to `normalize.ts`, not a product benchmark.
 */

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ITERATIONS = Number(process.env.ITERATIONS ?? 2000);

async function pageBytes(): Promise<Uint8Array> {
  const sim = await startSimulator({ users: 500 });
  try {
    const basic = Buffer.from(`${SIMULATOR_CREDENTIALS.oauthClientId}:${SIMULATOR_CREDENTIALS.oauthClientSecret}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'password', username: SIMULATOR_CREDENTIALS.apiClientId, password: SIMULATOR_CREDENTIALS.apiClientSecret });
    const token = (await (await fetch(`${sim.url}/auth/api/v1/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token.access_token}` };
    const roles = (await (await fetch(`${sim.url}/role-store/api/v1/roles?limit=1000`, { headers: auth })).json()) as { items: { id: string; member_count: number }[] };
    const biggest = roles.items.reduce((a, b) => (b.member_count > a.member_count ? b : a));
    const page = await fetch(`${sim.url}/role-store/api/v1/roles/${biggest.id}/members?offset=0&limit=100&sortkey=principal&sortdir=ASC`, { headers: auth });
    return new Uint8Array(await page.arrayBuffer());
  } finally {
    await sim.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const bytes = await pageBytes();
  const parsed = () => parseWithoutSecrets(jsonText(bytes));
  const items = toList(parsed(), toRoleStoreUser).items;
  if (items.length !== 100 || !items.every((u) => Array.isArray(u.roles))) throw new Error('expected 100 members with roles');
  const parseOnly: number[] = [];
  const whole: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i += 1) sink += (parsed() as { count: number }).count;
    let used = process.cpuUsage(start);
    parseOnly.push((used.user + used.system) / ITERATIONS);
    start = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i += 1) sink += toList(parsed(), toRoleStoreUser).items.length;
    used = process.cpuUsage(start);
    whole.push((used.user + used.system) / ITERATIONS);
  }
  const p = median(parseOnly);
  const w = median(whole);
  console.log(`100-member page, ${bytes.byteLength} bytes, ${ROUNDS} rounds x ${ITERATIONS} (median, CPU µs per page):`);
  console.log(`  decode + parse + strip secrets: ${p.toFixed(1)}`);
  console.log(`  + normalise and validate:       ${w.toFixed(1)} (normalisation alone ${(w - p).toFixed(1)})`);
  if (sink < 0) console.log(sink);
}

void main();
