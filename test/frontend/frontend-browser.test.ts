import type { Page } from 'playwright-core';
import { chromiumInstalled, CHROMIUM, launchOfflineChromium, type Browser } from '../helpers/chromium';
import { buildAndServeFrontend, frontendInstalled, type ServedFrontend } from '../helpers/frontend';
import { startStack, type Stack } from '../helpers/stack';

// CI installs Chromium and the frontend's packages (.ci/run) and must run this; elsewhere it skips, visibly.
const run = (chromiumInstalled && frontendInstalled) || process.env.CI ? describe : describe.skip;
if (!chromiumInstalled && !process.env.CI) console.warn(`${CHROMIUM} not found: the frontend browser test is skipped (apt-get install -y chromium).`);
if (!frontendInstalled && !process.env.CI) console.warn('examples/frontend is not installed: the frontend browser test is skipped (npm ci --prefix examples/frontend).');

interface UsersPage {
  users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; username: string }[] };
}
const USERS = `query ($first: Int, $after: String, $search: String) {
  users(first: $first, after: $after, filter: { search: $search }) { totalCount pageInfo { hasNextPage endCursor } nodes { id username } }
}`;

interface Grants {
  user: { roleAssignments: { role: { id: string; name: string }; state: string; nextChangeAt: string | null }[] };
}
const GRANTS = `query ($id: ID!) { user(id: $id) { roleAssignments(includeExpired: true) { role { id name } state nextChangeAt } } }`;

interface StatesAt {
  user: { roleAssignments: { role: { id: string }; state: string }[] };
}
const STATES_AT = `query ($id: ID!, $at: DateTimeISO!) { user(id: $id) { roleAssignments(includeExpired: true) { role { id } state(at: $at) } } }`;

interface Pick {
  users: { nodes: { id: string; roleAssignments: { role: { id: string } }[] }[] };
  roles: { nodes: { id: string; name: string }[] };
}
const PICK = `{
  users(first: 1, filter: { search: "engineering" }) { nodes { id roleAssignments(includeExpired: true) { role { id } } } }
  roles(first: 100) { nodes { id name } }
}`;

const HOLDERS = `query ($states: [AssignmentState!]) {
  roleAssignments(first: 100, filter: { states: $states }) { nodes { user { id username } } }
}`;

run('the frontend example in headless Chromium, over the subgraph and the simulator', () => {
  let stack: Stack;
  let frontend: ServedFrontend;
  let browser: Browser;
  beforeAll(async () => {
    // No CORS at all on the subgraph (production's default): the app reaches it through its server's forwarding.
    stack = await startStack({ corsOrigins: [] });
    frontend = await buildAndServeFrontend(stack.subgraph.url);
    browser = await launchOfflineChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await frontend?.close();
    await stack?.close();
  });

  async function users(variables: { first: number; after?: string | null; search?: string }) {
    const { data } = await stack.query<UsersPage, typeof variables>(USERS, variables);
    return data!.users;
  }
  const usernames = (page: Page) => page.locator('section[aria-label="User directory"] tbody tr td:nth-child(2)').allInnerTexts();
  const summary = (page: Page) => page.getByTestId('summary');

  it('lists users, pages forward and back, searches and pages within the search', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const first = await users({ first: 20 });
    const second = await users({ first: 20, after: first.pageInfo.endCursor });
    expect(first.totalCount).toBe(500);

    await page.goto(frontend.url, { waitUntil: 'load' });
    await summary(page).getByText(`Users 1–20 of 500`).waitFor();
    expect(await usernames(page)).toEqual(first.nodes.map((u) => u.username));

    await page.getByRole('button', { name: 'Next' }).click();
    await summary(page).getByText(`Users 21–40 of 500`).waitFor();
    expect(await usernames(page)).toEqual(second.nodes.map((u) => u.username));
    await page.getByRole('button', { name: 'Previous' }).click();
    await summary(page).getByText(`Users 1–20 of 500`).waitFor();
    expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    const found = await users({ first: 20, search: 'engineering' });
    const foundNext = await users({ first: 20, after: found.pageInfo.endCursor, search: 'engineering' });
    expect(found.totalCount).toBeGreaterThan(20);
    await page.getByLabel('Search users').fill('engineering');
    await summary(page).getByText(`Users 1–20 of ${found.totalCount}`).waitFor();
    expect(await usernames(page)).toEqual(found.nodes.map((u) => u.username));
    await page.getByRole('button', { name: 'Next' }).click();
    await summary(page).getByText(`Users 21–${20 + foundNext.nodes.length} of ${found.totalCount}`).waitFor();
    expect(await usernames(page)).toEqual(foundNext.nodes.map((u) => u.username));

    await page.getByLabel('Search users').fill('no such person anywhere');
    await summary(page).getByText('No users match.').waitFor();
    expect(browser.offLoopback).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it("opens a user found by search and shows each role's live grant state and the next change", async () => {
    // A user holding a grant that is not simply active now: the page must show that state, not assume ACTIVE.
    const { data: holders } = await stack.query<{ roleAssignments: { nodes: { user: { id: string; username: string } }[] } }, { states: string[] }>(
      HOLDERS,
      { states: ['SCHEDULED', 'OUTSIDE_CONTEXT', 'ACTIVATABLE'] },
    );
    const target = holders!.roleAssignments.nodes[0]!.user;
    const { data } = await stack.query<Grants, { id: string }>(GRANTS, { id: target.id });
    const grants = data!.user.roleAssignments;
    expect(grants.some((grant) => grant.state !== 'ACTIVE')).toBe(true);
    const next = grants.filter((g) => g.nextChangeAt).sort((a, b) => Date.parse(a.nextChangeAt!) - Date.parse(b.nextChangeAt!))[0];

    const page = await browser.context.newPage();
    await page.clock.install();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(frontend.url, { waitUntil: 'load' });
    await page.getByLabel('Search users').fill(target.username);
    await summary(page).getByText('Users 1–1 of 1').waitFor();
    await page.locator('section[aria-label="User directory"] tbody tr a').click();
    await page.waitForURL(`${frontend.url}/#/users/${encodeURIComponent(target.id)}`);

    const rows = page.locator('section[aria-label="User"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(grants.length);
    for (const grant of grants) {
      const row = page.locator(`tr[data-role-id="${grant.role.id}"]`);
      expect(await row.locator('td').first().innerText()).toBe(grant.role.name);
      expect(await row.getByTestId('state').innerText()).toBe(grant.state);
    }
    const usable = grants.filter((grant) => grant.state === 'ACTIVE').length;
    expect(await page.getByTestId('grant-summary').innerText()).toBe(`${grants.length} ${grants.length === 1 ? 'grant' : 'grants'}, ${usable} usable now`);
    // The earliest change, and the state it brings, as the API says at that instant.
    expect(next).toBeDefined();
    const { data: atNext } = await stack.query<StatesAt, { id: string; at: string }>(STATES_AT, { id: target.id, at: next!.nextChangeAt! });
    const becomes = atNext!.user.roleAssignments.find((grant) => grant.role.id === next!.role.id)!.state;
    await page.getByTestId('next-change').getByText(`Next change: ${next!.role.name} becomes ${becomes} at `).waitFor();

    // Live: when the next change comes, the page asks the server again (the page's clock is moved on).
    const askedAgain = page.waitForRequest(
      (request) => request.url().endsWith('/graphql') && (request.postDataJSON() as { operationName?: string }).operationName === 'UserPage',
    );
    await page.clock.fastForward(Date.parse(next!.nextChangeAt!) - (await page.evaluate(() => Date.now())) + 2_000);
    await askedAgain;

    // Back to the directory: the search is still there.
    await page.getByRole('link', { name: '← All users' }).click();
    await summary(page).getByText('Users 1–1 of 1').waitFor();
    expect(await page.getByLabel('Search users').inputValue()).toBe(target.username);
    expect(browser.offLoopback).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('grants a role from the form: a period ending before it starts shows its userError and writes nothing; a good one shows the new grant state', async () => {
    const { data: picked } = await stack.query<Pick, Record<string, never>>(PICK, {});
    const user = picked!.users.nodes[0]!;
    const held = new Set(user.roleAssignments.map((grant) => grant.role.id));
    const role = picked!.roles.nodes.find((candidate) => !held.has(candidate.id))!;
    const day = 86_400_000;
    const start = Math.ceil(Date.now() / 60_000) * 60_000 + 3 * day; // whole minutes: what the form's inputs hold

    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The form's inputs take local wall time in the browser's zone; write these instants the way it reads them.
    const local = (ms: number) =>
      page.evaluate((at) => {
        const d = new Date(at);
        const two = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
      }, ms);
    await page.goto(`${frontend.url}/#/users/${encodeURIComponent(user.id)}`, { waitUntil: 'load' });
    await page.locator('section[aria-label="User"] tbody tr').first().waitFor();
    const form = page.getByRole('form', { name: 'Grant a role' });
    await form.getByLabel('Role').selectOption({ label: role.name });
    await form.getByLabel('Grant type').selectOption('TIME_RESTRICTED');
    await form.getByLabel('From').fill(await local(start));
    await form.getByLabel('Until').fill(await local(start - day));
    stack.resetCalls();
    await form.getByRole('button', { name: 'Grant' }).click();

    const problems = form.getByRole('list', { name: 'Problems' });
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/\(INVALID\)/);
    expect(await page.locator(`tr[data-role-id="${role.id}"]`).count()).toBe(0);
    expect(Object.keys(stack.calls().byRoute).filter((route) => route.startsWith('PUT '))).toEqual([]);

    await form.getByLabel('Until').fill(await local(start + 2 * day));
    await form.getByRole('button', { name: 'Grant' }).click();
    await form.getByRole('status').getByText(`Granted ${role.name}: now SCHEDULED.`).waitFor();
    expect(await problems.count()).toBe(0);
    // The page reads the user again and shows the grant as PrivX holds it after the write.
    const row = page.locator(`tr[data-role-id="${role.id}"]`);
    await row.getByTestId('state').getByText('SCHEDULED').waitFor();
    const puts = Object.entries(stack.calls().byRoute).filter(([route]) => route.startsWith('PUT '));
    expect(puts.map(([, count]) => count)).toEqual([1]);
    const { data } = await stack.query<Grants, { id: string }>(GRANTS, { id: user.id });
    expect(data!.user.roleAssignments.find((grant) => grant.role.id === role.id)?.state).toBe('SCHEDULED');
    expect(browser.offLoopback).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
