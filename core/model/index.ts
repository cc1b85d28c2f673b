export * from './case';
export * from './restore';
export * from './sample-case';
export * from './paths';
export * from './fields';
export * from './regions';
export * from './list-edits';
