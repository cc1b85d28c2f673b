/**
 * SHA-256 through Web Crypto, available in Node 20, Electron and the browser alike, so the core stays free
 * of node:crypto.
 */
async function digest(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = await digest(bytes);
  let hex = '';
  for (const byte of hash) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export async function sha256Base64(bytes: Uint8Array): Promise<string> {
  const hash = await digest(bytes);
  let binary = '';
  for (const byte of hash) binary += String.fromCharCode(byte);
  return btoa(binary);
}
