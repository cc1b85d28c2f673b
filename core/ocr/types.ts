/**
 * What the recogniser hands to the field readers: the text boxes of one page, turned upright. The readers
 * (licence.ts, id-card.ts, passport.ts) are pure: text boxes in, fields and checks out, so they are tested on
 * recognised-text fixtures without running a model.
 */

/** A corner of a text box, in pixels of the upright page. */
export type Corner = readonly [x: number, y: number];

/** One recognised line or fragment of text. */
export interface TextBox {
  text: string;
  /** Mean of the characters' confidences, 0–1. */
  confidence: number;
  /** The lowest confidence of any character, 0–1 (a rare character the model does not know reads low). */
  minConfidence: number;
  /** Corners clockwise from the top-left of the text, in pixels of the upright page. */
  quad: readonly [Corner, Corner, Corner, Corner];
  /**
   * Other readings of the same line, for a passport's machine-readable lines (read again at other sizes):
   * the passport reader chooses among them by length and check digits.
   */
  alternatives?: readonly string[];
}

/** A page as recognised: its upright size, how it was turned to be upright, and its text. */
export interface RecognisedPage {
  width: number;
  height: number;
  /**
   * Degrees the scan was turned clockwise to read it upright: 0 when it is the right way up, 90 when it lies
   * on its left side, 180 upside down, 270 on its right side.
   */
  rotation: 0 | 90 | 180 | 270;
  boxes: TextBox[];
}

export const SCAN_KINDS = ['business_licence', 'id_card_front', 'id_card_back', 'passport'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export const LICENCE_FIELDS = [
  'name',
  'uscc',
  'type',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'validTo',
  'address',
  'businessScope',
] as const;
export const ID_FRONT_FIELDS = ['name', 'idNumber', 'address'] as const;
export const ID_BACK_FIELDS = ['issuedBy', 'validFrom', 'validTo'] as const;
export const PASSPORT_FIELDS = [
  'surname',
  'givenNames',
  'number',
  'nationality',
  'birthDate',
  'expiryDate',
] as const;

/** The fields each kind of document gives, in the order they are shown. */
export const SCAN_FIELDS: Readonly<Record<ScanKind, readonly string[]>> = {
  business_licence: LICENCE_FIELDS,
  id_card_front: ID_FRONT_FIELDS,
  id_card_back: ID_BACK_FIELDS,
  passport: PASSPORT_FIELDS,
};

/** One value read off the scan, with where it came from and how sure the reading is. */
export interface ReadField {
  key: string;
  value: string;
  /** Lowest character confidence of the boxes the value came from, 0–1. */
  confidence: number;
  /** Below {@link LOW_CONFIDENCE}: the user is asked to look twice. */
  lowConfidence: boolean;
  /** The boxes the value was read from (for the crop shown beside it), upright page pixels. */
  source: { x: number; y: number; width: number; height: number };
}

/** A character below this confidence marks its value as uncertain. */
export const LOW_CONFIDENCE = 0.8;

export type CheckStatus = 'pass' | 'fail' | 'unavailable';

/** A check of what was read: a check character, a QR code, a date's plausibility. */
export interface ScanCheck {
  /** e.g. `uscc.checkCharacter`, `uscc.qrCode`, `idNumber.checkDigit`, `mrz.number`. */
  id: string;
  /** The field it checks. */
  field: string;
  status: CheckStatus;
  /** What the check expected and what was read, where that helps (a check character, the QR's code). */
  expected?: string;
  actual?: string;
}

export interface ScanReading {
  kind: ScanKind;
  fields: ReadField[];
  checks: ScanCheck[];
}
