import { GATEWAY_EXPLORER } from '../../examples/supergraph/gateway';
import { startSupergraph } from '../../examples/supergraph/supergraph';
import { EXAMPLE_OPERATIONS } from '../../src/explorer/example-operations';
import { chromiumInstalled, CHROMIUM, launchOfflineChromium, type Browser } from '../helpers/chromium';
import { startStack, type Stack } from '../helpers/stack';
import { ensureExplorerBundle } from '../../tools/explorer-bundle';

// CI installs Chromium (.ci/run) and must run this; elsewhere a missing browser skips it, visibly.
const run = chromiumInstalled || process.env.CI ? describe : describe.skip;
if (!chromiumInstalled && !process.env.CI) console.warn(`${CHROMIUM} not found: the explorer browser test is skipped (apt-get install -y chromium).`);

run('the explorer in headless Chromium, offline', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    await ensureExplorerBundle(); // what `npm run build` writes into dist/explorer (seconds when it must build)
    stack = await startStack();
  }, 60_000);
  afterAll(() => stack?.close());
  // A fresh profile per test: GraphiQL keeps its tabs in the profile's storage, which would leak between tests.
  beforeEach(async () => {
    browser = await launchOfflineChromium();
  }, 60_000);
  afterEach(() => browser?.close());

  it('GET /graphql: Sandbox cannot load, the page says so and links the offline explorer', async () => {
    const page = await browser.context.newPage();
    await page.goto(stack.subgraph.graphqlUrl, { waitUntil: 'load' });
    await page.getByText('Apollo Sandbox cannot be loaded').waitFor();
    const link = page.locator('#offline-explorer a');
    expect(await link.getAttribute('href')).toBe('/explorer');
    expect(browser.offLoopback.some((url) => url.includes('apollographql.com'))).toBe(true);
    await link.click();
    await page.waitForURL(`${stack.subgraph.url}/explorer`);
    await page.close();
  }, 60_000);

  it('/explorer renders GraphiQL from local files with one tab per example, and every tab runs as it opens, without an error', async () => {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // The console reports what the page's CSP refused (a script, style, worker or request off this host).
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    const lookups = page.waitForResponse((r) => r.url() === stack.subgraph.graphqlUrl && r.request().method() === 'POST');
    await page.goto(`${stack.subgraph.url}/explorer`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor();
    await lookups; // the ids some examples need were fetched before the tabs opened
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.count()).toBe(EXAMPLE_OPERATIONS.length);
    stack.resetCalls();
    for (const [i, example] of EXAMPLE_OPERATIONS.entries()) {
      if (i > 0) await tabs.nth(i).locator('.graphiql-tab-button').click();
      // The editor shows the tab's own operation; GraphiQL takes the operation name from it 100 ms after a change
      // (debounced), so a run sooner than that sends the previous tab's name with this tab's document.
      await page.locator('.graphiql-query-editor').getByText(example.query.split('\n')[0]!.slice(0, 40)).first().waitFor();
      await page.waitForTimeout(400);
      // The editor (Monaco) shows line numbers beside the text and may render spaces as no-break spaces.
      const variables = (await page.locator('.graphiql-editor-tool .graphiql-editor').first().innerText()).replace(/\s+/g, ' ');
      expect([example.title, variables]).not.toEqual([example.title, expect.stringContaining('could not look up')]);
      for (const name of Object.keys(example.lookups ?? {})) expect([example.title, variables]).toEqual([example.title, expect.stringContaining(`"${name}": "`)]);
      const sent = page.waitForResponse((r) => r.url() === stack.subgraph.graphqlUrl && r.request().method() === 'POST');
      await page.locator('.graphiql-execute-button').click();
      const response = await sent;
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      // Every tab: HTTP 200, no error, and its root field found something (an id that was filled in resolved).
      expect([example.title, response.status(), body.errors]).toEqual([example.title, 200, undefined]);
      const [root] = Object.values(body.data ?? {});
      expect([example.title, root === null || root === undefined]).toEqual([example.title, false]);
      await page.locator('.result-window').getByText('"data"').waitFor();
      expect(await page.locator('.result-window').innerText()).not.toContain('"errors"');
    }
    expect(stack.calls().total).toBeGreaterThan(0);
    expect(browser.offLoopback).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("the supergraph example's gateway page, offline, links its own explorer, whose tab runs the federated query", async () => {
    const supergraph = await startSupergraph({ identityUrl: stack.subgraph.graphqlUrl, tickets: 3 });
    try {
      const page = await browser.context.newPage();
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      await page.goto(supergraph.gateway.url, { waitUntil: 'load' });
      await page.getByText('Apollo Sandbox cannot be loaded').waitFor();
      const link = page.locator('#offline-explorer a');
      expect(await link.getAttribute('href')).toBe('/explorer');
      await link.click();
      await page.waitForURL(new URL('/explorer', supergraph.gateway.url).href);
      // The Sandbox page tried Apollo's CDN and web fonts, and its script failed without them; from here on, none.
      const offLoopbackBefore = browser.offLoopback.length;
      consoleErrors.length = 0;
      await page.locator('.graphiql-container').waitFor();
      expect(await page.title()).toBe(GATEWAY_EXPLORER.title);
      // One example: GraphiQL shows no tab bar, just the operation.
      expect(GATEWAY_EXPLORER.examples).toHaveLength(1);
      await page.locator('.graphiql-query-editor').getByText('query TicketsWithPeople').waitFor();
      const sent = page.waitForResponse((r) => r.url() === supergraph.gateway.url && r.request().method() === 'POST');
      await page.waitForTimeout(400); // GraphiQL's operation-name debounce (see above)
      await page.locator('.graphiql-execute-button').click();
      const response = await sent;
      const body = (await response.json()) as { data?: { tickets: { nodes: { assignee: { username: string } | null }[] } }; errors?: unknown[] };
      expect([response.status(), body.errors]).toEqual([200, undefined]);
      expect(body.data!.tickets.nodes).toHaveLength(3);
      // The identity subgraph answered the references: federation worked through the page.
      expect(body.data!.tickets.nodes.every((n) => typeof n.assignee?.username === 'string')).toBe(true);
      expect(supergraph.gateway.log.countBySubgraph()).toMatchObject({ identity: expect.any(Number), tickets: 1 });
      expect(browser.offLoopback.slice(offLoopbackBefore)).toEqual([]); // the explorer itself asked nothing off this host
      expect(consoleErrors).toEqual([]);
      await page.close();
    } finally {
      await supergraph.close();
    }
  }, 90_000);
});
