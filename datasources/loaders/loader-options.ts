export function loaderOptions(maxBatchSize?: number) {
  return { maxBatchSize };
}

export { byLowerId } from '../upstream-catalog';

/**
 * A read's value, or its error as a value: DataLoader fails just the keys whose slot holds an Error, so one
 * failed per-key call does not fail the other keys of its batch.
 */
export function orError<T>(read: Promise<T>): Promise<T | Error> {
  return read.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}
