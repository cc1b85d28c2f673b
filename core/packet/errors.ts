/**
 * Why a packet could not be built. The code crosses IPC and selects the message (CLI table, renderer
 * `errors.<code>`); details name the file or check concerned so the user can fix exactly that.
 */
import type { PreflightIssue } from '../rules/preflight';

export type PacketErrorCode =
  /** Pre-flight found errors: nothing is exported until they are fixed. */
  | 'preflightErrors'
  /** Pre-flight found warnings the user has not acknowledged. */
  | 'unacknowledgedWarnings'
  /** The case lists an attachment whose bytes cannot be found or do not match their SHA-256. */
  | 'attachmentMissing'
  /** An image is smaller than the profile's minimum: upscaling would not make it legible. */
  | 'attachmentTooSmall'
  /** An image cannot be brought under the profile's byte limit without going below its minimum size. */
  | 'attachmentTooLarge'
  /** An attachment's bytes are not a readable JPEG, PNG or PDF. */
  | 'attachmentUnreadable'
  /** The target folder exists and the caller did not confirm replacing it. */
  | 'folderExists'
  /** A generated path would be unsafe or too long on Windows (a bug guard: names are made safe first). */
  | 'unsafePath'
  /** The pathway check says the case cannot be filed or licensed as things stand. */
  | 'notEligible'
  /** A document signed by hand has no checked signed scan to go in as its submission copy (a bug guard). */
  | 'unsignedDocument'
  /**
   * A licence's renewal packet or annual report sheet was asked of a case with no licence to renew or report
   * on: none recorded (an ICP filing), or, for the renewal, no expiry date. `details.what`: `renewal` or
   * `annualReport`; `details.missing`: `licence` or `expiry`.
   */
  | 'noLicence'
  /** The user cancelled the export. */
  | 'cancelled'
  /**
   * The image library (sharp, a native binary per platform) cannot be loaded on this computer: images cannot
   * be processed until the installation is repaired. `details.reason` is the library's own message.
   */
  | 'imageLibraryUnavailable';

export class PacketError extends Error {
  constructor(
    readonly code: PacketErrorCode,
    readonly details: Record<string, string | number | boolean> = {},
    /** For `preflightErrors` / `unacknowledgedWarnings`: the issues to show. */
    readonly issues: readonly PreflightIssue[] = [],
  ) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`);
    this.name = 'PacketError';
  }
}
