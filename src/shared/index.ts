// The domain core: pure TypeScript, imported by main and renderer alike.
export * from './template/gov2021';
export * from './template/layout';
export * from './model/cells';
export * from './model/report';
export * from './model/schema';
export * from './rules/types';
export { RULES } from './rules/catalog';
export { validate, applyFix, blockingFindings, narrativeRepetition } from './rules/engine';
export * from './api/result';
