/**
 * TEST ONLY — how the loopback bridge carries what Electron's structured clone carries: Uint8Array payloads
 * (attachments, rendered PDFs) cross as `{ "$bytes": "<base64>" }` inside the JSON, both ways. Plain JSON
 * would turn them into `{ "0": 255, … }`, which the handlers' zod schemas rightly refuse.
 */
const TAG = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeWire(value: unknown): string {
  // `this[key]` is the value before toJSON(): a Node Buffer would otherwise arrive as { type, data }.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? { [TAG]: toBase64(original) } : item;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const tagged = (item as Record<string, unknown>)[TAG];
      if (typeof tagged === 'string' && Object.keys(item).length === 1) return fromBase64(tagged);
    }
    return item;
  });
}
