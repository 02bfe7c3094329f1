import type { Context } from '../context';

const clocks = new WeakMap<Context, number>();

/**
 * "Now" for one request, read once: `roles`, `activeNow`, `state` and the filters of one response then agree
 * even when a grant ends while the response is being built.
 */
export function requestNow(context: Context): number {
  let now = clocks.get(context);
  if (now === undefined) clocks.set(context, (now = Date.now()));
  return now;
}
