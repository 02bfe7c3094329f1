import { chromiumInstalled, CHROMIUM, launchOfflineChromium, type Browser } from '../helpers/chromium';
import { startStack, type Stack } from '../helpers/stack';
import { EXAMPLE_OPERATIONS } from '../../src/explorer/example-operations';

// CI installs Chromium (.ci/run) and must run this; elsewhere a missing browser skips it, visibly.
const run = chromiumInstalled || process.env.CI ? describe : describe.skip;
if (!chromiumInstalled && !process.env.CI) console.warn(`${CHROMIUM} not found: the explorer browser test is skipped (apt-get install -y chromium).`);

run('the explorer in headless Chromium, offline', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack();
  });
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

  it('/explorer renders GraphiQL from local files with the example tabs and runs the first example', async () => {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${stack.subgraph.url}/explorer`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(EXAMPLE_OPERATIONS.length);
    stack.resetCalls();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"totalCount"').waitFor();
    const text = await result.innerText();
    expect(text).toContain('"username"');
    expect(text).not.toContain('"errors"');
    expect(stack.calls().total).toBeGreaterThan(0);
    expect(browser.offLoopback).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
