export * from './case';
export * from './restore';
export * from './sample-case';
