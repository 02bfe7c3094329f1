export * from './change-tracking';
export * from './create-change-tracking';
export * from './types';
export type { ChangeLog } from './change-log';
export type { PollReport } from './poller';
