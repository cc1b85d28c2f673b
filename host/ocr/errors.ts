/** The scan reader's errors, in a module of their own so the main process can tell them apart without loading the recogniser. */

/** The user stopped the reading. */
export class CancelledError extends Error {
  constructor() {
    super('Recognition cancelled');
    this.name = 'CancelledError';
  }
}

/** The bytes are not an image sharp can decode (a PDF, a damaged file). */
export class UnreadableImageError extends Error {
  constructor(readonly reason: string) {
    super(`Not an image that can be read: ${reason}`);
    this.name = 'UnreadableImageError';
  }
}
