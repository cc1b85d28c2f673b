/** The scan reader's errors, in a module of their own so the main process can tell them apart without loading the recogniser. */

/** The user stopped the reading. */
export class CancelledError extends Error {
  constructor() {
    super('Recognition cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Why a scan cannot be read as a picture: not an image sharp can decode (`image`: a damaged file); a PDF
 * whose first page holds no scanned image (`pdfNoImage`: made on a computer), holds it in a coding the
 * reader cannot open (`pdfImageCoding`: JPEG 2000, CCITT fax, JBIG2) or cannot be parsed (`pdfDamaged`).
 */
export type UnreadableProblem = 'image' | 'pdfNoImage' | 'pdfImageCoding' | 'pdfDamaged';

/** The bytes are not a picture the reader can open; `reason` is the decoder's own words. */
export class UnreadableImageError extends Error {
  constructor(
    readonly reason: string,
    readonly problem: UnreadableProblem = 'image',
  ) {
    super(`Not an image that can be read: ${reason}`);
    this.name = 'UnreadableImageError';
  }
}
