import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { contractViolations, type ContractViolationMessage } from '../../datasources/telemetry';
import type { Logger } from './logger';

/**
 * One `warn` line per PrivX answer of the wrong shape (docs/upstream-v41.md#shape-checks): the route and the
 * key path, never the value found there (it may be personal data). The operation's own line then shows the
 * UPSTREAM_ERROR it caused. Returns the unsubscribe.
 */
export function logContractViolations(logger: Logger): () => void {
  const onViolation = (message: unknown) => {
    const { route, path } = message as ContractViolationMessage;
    logger.warn({ route, keyPath: path }, 'PrivX answer breaks the v41 contract; failed as an upstream error');
  };
  subscribe(contractViolations.name as string, onViolation);
  return () => unsubscribe(contractViolations.name as string, onViolation);
}
