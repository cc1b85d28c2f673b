/**
 * WORD JOINER: placed between the parts of a value that must stay on one line (2026年11月25日). UAX #14
 * forbids breaks on both sides of it; line breaking (wrap.ts) removes it from the lines it returns, and it is
 * never drawn. A module of its own so that resolving a document's values (resolve.ts, which the pre-flight
 * uses) does not load the line breaker and its Unicode tables.
 */
export const JOINER = '\u2060';
