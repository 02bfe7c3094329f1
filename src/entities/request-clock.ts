import type { Context } from '../context';

/**
 * "Now" for one request, read once: `roles`, `activeNow`, `state` and the filters of one response then agree
 * even when a grant ends while the response is being built. Kept in the request's scope (`context.request`).
 */
export function requestNow(context: Context): number {
  return context.request.now();
}
