import { randomBytes } from 'node:crypto';
import { createDecipheriv } from 'node:crypto';
import {
  DecryptError,
  Purpose,
  decrypt,
  decryptPieces,
  encrypt,
  newDataKey,
  sealedSize,
} from '../../../host/store/crypto';

describe('AES-256-GCM file format', () => {
  const key = newDataKey();
  const plaintext = Buffer.from('{"name":"澜岸家居","idNumber":"110101199003074514"}', 'utf8');

  it('round-trips and uses a fresh IV for every write', () => {
    const a = encrypt(key, plaintext, Purpose.caseDocument, 'case:1');
    const b = encrypt(key, plaintext, Purpose.caseDocument, 'case:1');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(6, 18).equals(b.subarray(6, 18))).toBe(false);
    expect(decrypt(key, a, Purpose.caseDocument, 'case:1').equals(plaintext)).toBe(true);
    expect(a.includes(Buffer.from('110101199003074514'))).toBe(false);
  });

  it('detects a flipped bit anywhere in the file', () => {
    const blob = encrypt(key, plaintext, Purpose.caseDocument, 'case:1');
    for (let i = 0; i < blob.length; i++) {
      const damaged = Buffer.from(blob);
      damaged[i] = (damaged[i] ?? 0) ^ 0x01;
      expect(() => decrypt(key, damaged, Purpose.caseDocument, 'case:1'), `byte ${i}`).toThrow(DecryptError);
    }
  });

  it('refuses a truncated file, another kind of file, another context and another key', () => {
    const blob = encrypt(key, plaintext, Purpose.caseDocument, 'case:1');
    expect(() => decrypt(key, blob.subarray(0, blob.length - 1), Purpose.caseDocument, 'case:1')).toThrow(
      DecryptError,
    );
    expect(() => decrypt(key, blob.subarray(0, 10), Purpose.caseDocument, 'case:1')).toThrow(/format/);
    expect(() => decrypt(key, blob, Purpose.attachment, 'case:1')).toThrow(/format/);
    expect(() => decrypt(key, blob, Purpose.caseDocument, 'case:2')).toThrow(/auth/);
    expect(() => decrypt(randomBytes(32), blob, Purpose.caseDocument, 'case:1')).toThrow(/auth/);
    expect(() => decrypt(key, Buffer.from('{"plain":"json"}'), Purpose.caseDocument)).toThrow(/format/);
  });

  it('writes a scan-sized file (several pieces, not a whole number of them) that reads back whole and in pieces', async () => {
    const scan = randomBytes(2 * 1024 * 1024 + 12_345);
    const blob = encrypt(key, scan, Purpose.attachment, 'attachment:x');
    expect(blob.length).toBe(sealedSize(scan.length));
    expect(decrypt(key, blob, Purpose.attachment, 'attachment:x').equals(scan)).toBe(true);
    const pieces: Buffer[] = [];
    const read = (at: number, length: number) => Promise.resolve(blob.subarray(at, at + length));
    for await (const piece of decryptPieces(
      key,
      read,
      blob.length,
      Purpose.attachment,
      'attachment:x',
      65_536,
    ))
      pieces.push(Buffer.from(piece));
    expect(Buffer.concat(pieces).equals(scan)).toBe(true);
    // The layout by hand: header (magic, version, purpose, IV), AES-256-GCM ciphertext, tag.
    const iv = blob.subarray(6, 18);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.concat([blob.subarray(0, 18), Buffer.from('attachment:x')]));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    const plain = Buffer.concat([decipher.update(blob.subarray(18, blob.length - 16)), decipher.final()]);
    expect(plain.equals(scan)).toBe(true);
  });

  it('writes an empty file', () => {
    const blob = encrypt(key, new Uint8Array(0), Purpose.scanNote, 'n');
    expect(blob.length).toBe(sealedSize(0));
    expect(decrypt(key, blob, Purpose.scanNote, 'n').length).toBe(0);
  });
});
