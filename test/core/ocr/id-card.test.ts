import { describe, expect, it } from 'vitest';
import { idNumberIn, readIdBack, readIdFront } from '../../../core/ocr/id-card';
import { box, tilt } from '../../fixtures/ocr/boxes';

const front = (number = '110105198807123028') => [
  box('姓名李静怡', 107, 152, 50),
  box('性别女', 103, 262, 50),
  box('民族汉', 481, 263, 50),
  box('出生', 109, 381, 50),
  box('1988年7月12日', 268, 374, 50),
  box('北京市朝阳区建国路88号院3号楼2', 277, 490, 46),
  box('住址', 110, 495, 46),
  box('单元1501室', 282, 552, 46),
  box(number, 441, 821, 50),
  box('公民身份号码', 114, 832, 42),
];

const values = (reading: ReturnType<typeof readIdFront>) =>
  Object.fromEntries(reading.fields.map((f) => [f.key, f.value]));

describe('resident ID card reader', () => {
  it('reads the portrait side: name, number, the address over two lines', () => {
    expect(values(readIdFront(front()))).toEqual({
      name: '李静怡',
      idNumber: '110105198807123028',
      address: '北京市朝阳区建国路88号院3号楼2单元1501室',
    });
    expect(readIdFront(front()).checks.map((c) => [c.id, c.status])).toEqual([
      ['idNumber.checkDigit', 'pass'],
      ['idNumber.birthDate', 'pass'],
    ]);
  });

  it('reads a tilted photo the same way', () => {
    expect(values(readIdFront(tilt(front(), 5)))).toEqual(values(readIdFront(front())));
  });

  it('leaves out a watermark written across the card where it crosses the address, also on a tilted photo', () => {
    // As the sample's 样本 SAMPLE is read: a box turned 28° from the card's lines, just under the address.
    const [watermark] = tilt([box('仅供备案使用', 300, 560, 60)], -28, 300, 560);
    expect(values(readIdFront([...front(), watermark!]))).toEqual(values(readIdFront(front())));
    expect(values(readIdFront(tilt([...front(), watermark!], 5)))).toEqual(values(readIdFront(front())));
  });

  it('fails a misread check digit with the expected one and keeps the number as read', () => {
    const reading = readIdFront(front('110105198807123029'));
    expect(values(reading).idNumber).toBe('110105198807123029');
    expect(reading.checks[0]).toMatchObject({
      id: 'idNumber.checkDigit',
      status: 'fail',
      expected: '8',
      actual: '9',
    });
  });

  it('fails a number whose birth date is not a real date', () => {
    // 1988-13-12, with its own check digit right: only the date check catches it.
    const reading = readIdFront(front('110105198813123024'));
    expect(reading.checks.find((c) => c.id === 'idNumber.birthDate')).toMatchObject({ status: 'fail' });
  });

  it('joins a letter-spaced number read as several boxes, and reads O as 0 where only digits can be', () => {
    const boxes = [
      box('公民身份号码', 114, 832, 42),
      box('110105', 441, 821, 50),
      box('19880712', 600, 821, 50),
      box('3028', 820, 821, 50),
    ];
    expect(values(readIdFront(boxes)).idNumber).toBe('110105198807123028');
    expect(idNumberIn('11O1O5198807123028')).toBe('110105198807123028');
  });

  it('reads the emblem side: authority and a ten-year term', () => {
    const reading = readIdBack([
      box('中华人民共和国', 641, 182, 60),
      box('居民身份证', 612, 304, 78),
      box('签发机关', 307, 674, 50),
      box('北京市公安局朝阳分局', 526, 677, 44),
      box('有效期限', 311, 793, 44),
      box('2016.03.15-2036.03.15', 526, 792, 40),
    ]);
    expect(Object.fromEntries(reading.fields.map((f) => [f.key, f.value]))).toEqual({
      issuedBy: '北京市公安局朝阳分局',
      validFrom: '2016-03-15',
      validTo: '2036-03-15',
    });
    expect(reading.checks).toEqual([expect.objectContaining({ id: 'validity.term', status: 'pass' })]);
  });

  it('reads a card without end (长期) and fails a term that is not 5, 10 or 20 years', () => {
    const back = (term: string) =>
      readIdBack([
        box('签发机关', 307, 674),
        box('上海市公安局', 526, 674),
        box('有效期限', 311, 793),
        box(term, 526, 793),
      ]);
    expect(back('2012.05.01-长期').fields.find((f) => f.key === 'validTo')?.value).toBe('长期');
    expect(back('2012.05.01-长期').checks[0]?.status).toBe('pass');
    expect(back('2016.03.15-2036.08.15').checks[0]).toMatchObject({ id: 'validity.term', status: 'fail' });
  });
});
