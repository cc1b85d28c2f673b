import { zipSync } from 'fflate';
import {
  MAX_ATTACHMENT_BYTES,
  displayName,
  inspectAttachment,
  sniffMediaType,
} from '../../../host/store/attachments';
import { failure, jpeg, pdf, png } from './helpers';

const refusal = (bytes: Uint8Array) => failure(inspectAttachment(bytes));

const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('attachment type from the bytes', () => {
  it('accepts JPEG, PNG and PDF and reads pixel size or page count', async () => {
    expect(await inspectAttachment(jpeg(1240, 1754))).toMatchObject({
      mediaType: 'image/jpeg',
      widthPx: 1240,
      heightPx: 1754,
    });
    expect(await inspectAttachment(png(800, 600))).toMatchObject({
      mediaType: 'image/png',
      widthPx: 800,
      heightPx: 600,
    });
    expect(await inspectAttachment(await pdf(3))).toMatchObject({ mediaType: 'application/pdf', pages: 3 });
  });

  it('reads the size from a JPEG whose frame header follows EXIF and table segments', async () => {
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x08]), ascii('Exif\0\0')]);
    const dqt = Buffer.concat([Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]), Buffer.alloc(64, 1)]);
    const plain = jpeg(640, 480);
    const withSegments = Buffer.concat([plain.subarray(0, 2), exif, dqt, plain.subarray(2)]);
    expect(await inspectAttachment(withSegments)).toMatchObject({ widthPx: 640, heightPx: 480 });
  });

  it('names what it found when it refuses', async () => {
    const cases: [string, Uint8Array][] = [
      ['gif', ascii('GIF89a\x01\x00\x01\x00')],
      ['webp', ascii('RIFF\x10\x00\x00\x00WEBPVP8 ')],
      ['heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), ascii('ftypheic\0\0\0\0mif1heic')])],
      ['avif', Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), ascii('ftypavif\0\0\0\0')])],
      [
        'officeDocument',
        zipSync({ '[Content_Types].xml': ascii('<Types/>'), 'word/document.xml': ascii('<w/>') }),
      ],
      ['officeDocument', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
      ['zip', zipSync({ 'notes.txt': ascii('hello') })],
      ['executable', ascii('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode')],
      ['executable', ascii('\x7fELF\x02\x01\x01')],
      ['tiff', ascii('II*\0\x08\0\0\0')],
      ['unknown', ascii('just some text, renamed to .jpg')],
      ['empty', new Uint8Array(0)],
    ];
    for (const [found, bytes] of cases) {
      expect(sniffMediaType(bytes)).toEqual({ accepted: false, found });
      expect(await refusal(bytes)).toEqual({ code: 'attachmentType', details: { found } });
    }
  });

  it('refuses files over the size limit with the limit in the message details', async () => {
    const big = Buffer.concat([jpeg(10, 10), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(await refusal(big)).toEqual({
      code: 'attachmentTooLarge',
      details: { bytes: big.length, limitBytes: MAX_ATTACHMENT_BYTES },
    });
  });

  it('refuses a JPEG cut off before its frame header and a PDF that does not parse', async () => {
    expect((await refusal(jpeg(10, 10).subarray(0, 12))).code).toBe('attachmentUnreadable');
    expect((await refusal(ascii('%PDF-1.7\n garbage without objects'))).code).toBe('attachmentUnreadable');
  });
});

describe('displayName', () => {
  it('keeps Chinese names and drops any path and control characters', () => {
    expect(displayName('营业执照 副本.jpg')).toBe('营业执照 副本.jpg');
    expect(displayName('C:\\fakepath\\法定代表人身份证.png')).toBe('法定代表人身份证.png');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(displayName('')).toBe('unnamed');
    expect(Array.from(displayName('长'.repeat(400)))).toHaveLength(255);
  });
});
