import { describe, expect, it } from 'vitest';
import {
  checkFieldLimit,
  checkItemCount,
  checkLength,
  FIELD_LIMITS,
  fieldLimit,
  measureLength,
  validateChineseText,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('validateChineseText', () => {
  it.each([
    '北京市朝阳区高碑店路181号1栋12345室', // WeChat's example
    '阿里巴巴（中国）有限公司',
    '上海市浦东新区张江路88号A座-3F#301',
    '约翰·史密斯',
    '深圳市南山区科技园、高新南一道',
  ])('accepts %s', (value) => {
    expect(validateChineseText(value)).toEqual([]);
  });

  it.each([
    ['Beijing Chaoyang District', 'chinese.latinOnly'],
    ['Tencent Ltd.', 'chinese.latinOnly'],
    ['12345', 'chinese.noCjk'],
    ['北京市😀朝阳区', 'chinese.charset'],
    ['北京市\u0007朝阳区', 'chinese.charset'],
    ['北京市$朝阳区', 'chinese.charset'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateChineseText(value))).toEqual([code]);
  });

  it('lists the offending characters, control characters as U+XXXX', () => {
    expect(issueWith(validateChineseText('北京\u0007$'), 'chinese.charset').params).toEqual({
      chars: 'U+0007 $',
    });
  });

  it('rejects Latin letters when the field is Chinese-only', () => {
    expect(codes(validateChineseText('北京ABC科技有限公司', { allowLatin: false }))).toEqual([
      'chinese.charset',
    ]);
    expect(validateChineseText('北京ABC科技有限公司')).toEqual([]);
  });

  it('warns about half-width parentheses and surrounding spaces', () => {
    expect(validateChineseText('阿里巴巴(中国)有限公司')).toEqual([
      expect.objectContaining({ code: 'chinese.halfWidthParentheses', severity: 'warning' }),
    ]);
    expect(codes(validateChineseText(' 北京市 '))).toEqual(['text.surroundingSpace']);
  });
});

describe('length limits', () => {
  it('counts code points: a Chinese character, a letter and an emoji made of one code point each count 1', () => {
    expect(measureLength('小程序ab')).toBe(5);
    expect(measureLength('𠀀𠀁')).toBe(2); // supplementary-plane Han characters are one each, not two
    expect(measureLength('  备注  ')).toBe(2);
    expect(measureLength('小程序ab', 'wideAsTwo')).toBe(8);
  });

  it('checkLength names the field in both languages', () => {
    const issue = issueWith(
      checkLength('太短', { min: 20, max: 200 }, { en: 'Remarks', 'zh-CN': '备注' }),
      'length.tooShort',
    );
    expect(issue.message.en).toBe('Remarks needs at least 20 characters; it has 2.');
    expect(issue.message['zh-CN']).toBe('备注至少需要 20 个字，当前为 2 个。');
    expect(issue.params).toEqual({ field: 'Remarks', min: 20, length: 2 });
    expect(codes(checkLength('x'.repeat(11), { max: 10 }, 'Name'))).toEqual(['length.tooLong']);
    expect(checkLength('x'.repeat(10), { min: 10, max: 10 }, 'Name')).toEqual([]);
  });

  it('applies the WeChat mini-program remark limit of 20–200 characters from the data table', () => {
    const limit = fieldLimit('icp_applets.base_info.comment');
    expect(limit).toMatchObject({ id: 'wechat.applets.comment', min: 20, max: 200 });
    expect(codes(checkFieldLimit('wechat.applets.comment', '提供在线预约服务'))).toEqual(['length.tooShort']);
    expect(
      checkFieldLimit(
        'wechat.applets.comment',
        '本小程序为本公司客户提供在线预约、订单查询和售后服务等功能。',
      ),
    ).toEqual([]);
    expect(codes(checkFieldLimit('wechat.applets.comment', '服'.repeat(201)))).toEqual(['length.tooLong']);
    expect(checkFieldLimit('wechat.applets.comment', '服'.repeat(200))).toEqual([]);
  });

  it('applies item limits (service content types ≤ 5, other materials ≤ 10)', () => {
    expect(codes(checkFieldLimit('wechat.applets.serviceContentTypes', [1, 2, 3, 4, 5, 6]))).toEqual([
      'length.tooManyItems',
    ]);
    expect(codes(checkFieldLimit('wechat.applets.serviceContentTypes', []))).toEqual(['length.tooFewItems']);
    expect(
      checkFieldLimit('icp_materials.subject_other_materials', Array.from({ length: 10 }, String)),
    ).toEqual([]);
    expect(codes(checkFieldLimit('wechat.materials.commitmentLetter', ['a', 'b']))).toEqual([
      'length.tooManyItems',
    ]);
    expect(codes(checkItemCount([1, 2], { max: 1 }, 'Letters'))).toEqual(['length.tooManyItems']);
  });

  it('throws for an unknown limit id (a programming error, not user input)', () => {
    expect(() => checkFieldLimit('nope', 'x')).toThrow(/No field limit/);
  });

  it('every limit cites a source and an as-of date', () => {
    expect(FIELD_LIMITS.length).toBeGreaterThanOrEqual(12);
    for (const limit of FIELD_LIMITS) {
      expect(limit.source, limit.id).toMatch(
        /developers\.weixin\.qq\.com|Tencent Cloud|Douyin|QingCloud|Huawei Cloud/,
      );
      expect(limit.asOf, limit.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(limit.label.en && limit.label['zh-CN'], limit.id).toBeTruthy();
    }
  });
});
