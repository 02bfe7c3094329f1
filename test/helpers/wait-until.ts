import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `condition` holds, checking every `intervalMs`, and fails with `what` when it has not held within
 * `timeoutMs`: a test that waits for something that never comes says what it waited for, instead of going on and
 * failing later on a confusing assertion. For what a test cannot be told of directly (a subscriber registered, a
 * call reaching the simulator); everything else awaits the event itself.
 */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, { timeoutMs = 5_000, intervalMs = 10 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(intervalMs);
  }
}
