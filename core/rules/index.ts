export * from './condition';
export * from './data';
export * from './decide';
export * from './case-facts';
export * from './checklist';
export * from './preflight';
export * from './validity';
export * from './pack';
