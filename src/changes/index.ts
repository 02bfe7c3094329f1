export * from './change-tracking';
export * from './create-change-tracking';
export * from './types';
