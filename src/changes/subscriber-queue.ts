import type { StoredChange } from './types';

/**
 * A subscriber's pending changes as an async iterator: pushed by the feed, pulled by graphql-ws or the callback
 * plugin. Bounded: a subscriber that falls `maxPending` behind is ended with an error telling it to resume
 * with `after` (the feed keeps what it missed), rather than growing this process's memory.
 */
export class SubscriberQueue implements AsyncIterableIterator<StoredChange> {
  private readonly pending: StoredChange[] = [];
  private waiting: ((result: IteratorResult<StoredChange>) => void) | undefined;
  private failWaiting: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private done = false;
  private readonly ended: (() => void)[] = [];

  constructor(
    private readonly maxPending: number,
    private readonly onClose: () => void,
  ) {}

  push(change: StoredChange): void {
    if (this.done || this.failure) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      resolve({ value: change, done: false });
      return;
    }
    if (this.pending.length >= this.maxPending) {
      this.fail(new Error(`The subscriber fell more than ${this.maxPending} changes behind; subscribe again with after: the last cursor received`));
      return;
    }
    this.pending.push(change);
  }

  /** Ends the iteration with an error (a token that expired, a subscriber too slow). */
  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.pending.length = 0;
    if (this.failWaiting) {
      const reject = this.failWaiting;
      this.waiting = undefined;
      this.failWaiting = undefined;
      this.finish();
      reject(error);
    }
  }

  next(): Promise<IteratorResult<StoredChange>> {
    const change = this.pending.shift();
    if (change) return Promise.resolve({ value: change, done: false });
    if (this.failure) {
      this.finish();
      return Promise.reject(this.failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<StoredChange>> {
    this.finish();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<StoredChange>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  /** Runs once the subscriber is gone (returned, failed and read, or thrown into). */
  onEnd(callback: () => void): void {
    if (this.done) callback();
    else this.ended.push(callback);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredChange> {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
    for (const callback of this.ended.splice(0)) callback();
  }
}
