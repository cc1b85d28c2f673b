import { describe, expect, it } from 'vitest';
import { readLicence, usccIn, usccInQrText } from '../../../core/ocr/licence';
import { box, licenceBoxes, tilt } from '../../fixtures/ocr/boxes';

const EXPECTED = {
  name: '深圳市星河云帆科技有限公司',
  uscc: '91440300MA5FQ8K2XJ',
  type: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '陈志镕',
  registeredCapital: '人民币1000万元整',
  establishedOn: '2019-07-22',
  validTo: '长期',
  address: '深圳市南山区粤海街道高新区社区科技南十二路18号长虹科技大厦2201',
  businessScope:
    '一般经营项目是：计算机软硬件的技术开发、技术咨询、技术服务；信息系统集成服务；数据处理服务；网页设计；国内贸易。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
};

const values = (boxes: Parameters<typeof readLicence>[0], qr?: string) =>
  Object.fromEntries(readLicence(boxes, qr).fields.map((f) => [f.key, f.value]));

describe('business licence reader', () => {
  it('reads both columns: letter-spaced labels, values that wrap stay in their column', () => {
    expect(values(licenceBoxes())).toEqual(EXPECTED);
  });

  it('reads a photo tilted by 4° the same way (rows levelled first)', () => {
    expect(values(tilt(licenceBoxes(), 4))).toEqual(EXPECTED);
    expect(values(tilt(licenceBoxes(), -3))).toEqual(EXPECTED);
  });

  it('ignores a stray one-character reading of a speck between a label’s spaced characters (tilted photo)', () => {
    // A tilted, soft photo: the detector finds a speck in the gap of 住  所 and between 类 and 型, which the
    // recogniser reads, unsure, as one character (seen: 福 at 0.19).
    const boxes = tilt(licenceBoxes(), -13);
    const speck = (near: string) => {
      const label = boxes.find((b) => b.text === near)!;
      const [[x1, y1], [, y2]] = [label.quad[1], label.quad[2]];
      return box('福', x1 + 8, (y1 + y2) / 2 - 8, 16, { confidence: 0.19 });
    };
    expect(values([...boxes, speck('住'), speck('类')])).toEqual(EXPECTED);
  });

  it('finds a label read with one character wrong', () => {
    expect(values(licenceBoxes({ legalLabel: '法定代表入' })).legalRepresentative).toBe('陈志镕');
  });

  it('reads a one-column licence whose name wraps onto a second line', () => {
    const boxes = [
      box('名称', 100, 100),
      box('上海澜岸国际贸易与供应链管理', 300, 100),
      box('有限公司', 300, 150),
      box('类型', 100, 210),
      box('有限责任公司（外国法人独资）', 300, 210),
    ];
    expect(values(boxes)).toMatchObject({
      name: '上海澜岸国际贸易与供应链管理有限公司',
      type: '有限责任公司（外国法人独资）',
    });
  });

  it('takes the value from the label’s own box when they were read as one', () => {
    expect(values([box('注册资本 人民币500万元整', 100, 100)]).registeredCapital).toBe('人民币500万元整');
  });

  it('passes a valid USCC and fails a misread one with the expected character, without correcting it', () => {
    const good = readLicence(licenceBoxes());
    expect(good.checks.find((c) => c.id === 'uscc.checkCharacter')).toMatchObject({ status: 'pass' });
    const bad = readLicence(licenceBoxes({ uscc: '91440300MA5FQ8K2XK' }));
    expect(bad.fields.find((f) => f.key === 'uscc')?.value).toBe('91440300MA5FQ8K2XK');
    expect(bad.checks.find((c) => c.id === 'uscc.checkCharacter')).toMatchObject({
      status: 'fail',
      expected: 'J',
      actual: 'K',
    });
  });

  it('reads letters a USCC cannot hold as the digits they resemble, and the check character decides', () => {
    expect(usccIn('9I44O300MA5FQ8K2XJ')).toBe('91440300MA5FQ8K2XJ');
    expect(usccIn('code 91440300MA5FQ8K2X')).toBeUndefined();
  });

  it('compares the USCC with the licence’s QR code: match, mismatch, none', () => {
    const qr = 'https://www.gsxt.gov.cn/index.html?uniscid=91440300MA5FQ8K2XJ';
    expect(usccInQrText(qr)).toBe('91440300MA5FQ8K2XJ');
    const check = (text?: string) =>
      readLicence(licenceBoxes(), text).checks.find((c) => c.id === 'uscc.qrCode');
    expect(check(qr)).toMatchObject({ status: 'pass' });
    expect(check('https://www.gsxt.gov.cn/index.html?uniscid=91310115MA1K4R7C5A')).toMatchObject({
      status: 'fail',
      expected: '91310115MA1K4R7C5A',
    });
    expect(check(undefined)).toMatchObject({ status: 'unavailable' });
    expect(check('https://example.com/no-code')).toMatchObject({ status: 'unavailable' });
  });

  it('flags a value with a low-confidence character (a rare name character the model lacks)', () => {
    const field = readLicence(
      licenceBoxes({ legalRep: { confidence: 0.9, minConfidence: 0.41 } }),
    ).fields.find((f) => f.key === 'legalRepresentative');
    expect(field).toMatchObject({ lowConfidence: true });
    const sure = readLicence(licenceBoxes()).fields.find((f) => f.key === 'legalRepresentative');
    expect(sure).toMatchObject({ lowConfidence: false });
  });

  it('reports a missing USCC as a failed check', () => {
    expect(readLicence([box('名称', 0, 0), box('某某有限公司', 200, 0)]).checks).toEqual([
      { id: 'uscc.found', field: 'uscc', status: 'fail' },
    ]);
  });

  it('gives each value the page area it was read from', () => {
    const name = readLicence(licenceBoxes()).fields.find((f) => f.key === 'name')!;
    expect(name.source.x).toBeCloseTo(312);
    expect(name.source.y).toBeCloseTo(442);
    expect(name.source.width).toBeCloseTo(13 * 0.68 * 40);
  });
});
