import { describe, expect, it } from 'vitest';
import { AD_TERMS, AD_TEXT_MAX_CHARS, checkAdCopy, looksBinary } from '../../../core/after/ad-check';

function flagged(text: string) {
  const result = checkAdCopy(text);
  if (!result.ok) throw new Error(result.code);
  return result.findings.map((f) => [f.text, f.ruleId, f.severity]);
}

describe('Advertising Law checker', () => {
  it('every rule names its article and sources in both languages', () => {
    for (const rule of AD_TERMS.rules) {
      expect(rule.article.en.length).toBeGreaterThan(0);
      expect(rule.article['zh-CN'].length).toBeGreaterThan(0);
      expect(rule.sources.length).toBeGreaterThan(0);
    }
    for (const group of AD_TERMS.groups) expect(AD_TERMS.rules.map((r) => r.id)).toContain(group.rule);
  });

  it('a Chinese store listing: statutory terms, 最 family, first/only, with exact spans', () => {
    const copy =
      '【官方旗舰店】澜岸北欧实木餐桌，国家级匠心工艺，采用最先进的榫卯技术，全网销量第一！' +
      '唯一通过欧盟双认证的家具品牌，最佳选择。最近上新：第一步领券，第一次下单立减50元。';
    const result = checkAdCopy(copy);
    if (!result.ok) throw new Error(result.code);
    expect(result.findings.map((f) => f.text)).toEqual(['国家级', '最先进', '全网销量第一', '唯一', '最佳']);
    for (const f of result.findings) expect(copy.slice(f.start, f.end)).toBe(f.text);
    expect(result.findings[0]).toMatchObject({ ruleId: 'absolute', severity: 'ban', confidence: 'law' });
    expect(result.findings[0]?.article['zh-CN']).toContain('第九条');
    expect(result.findings[0]?.suggestion.en.length).toBeGreaterThan(10);
  });

  it('English app-store copy: superlatives and rankings as whole words, case-insensitive', () => {
    expect(
      flagged(
        'The BEST home app in China — No. 1 for interior ideas. World-class 3D planner. Bestow style on your bestseller list.',
      ),
    ).toEqual([
      ['The BEST', 'absolute', 'ban'],
      ['No. 1', 'absolute', 'ban'],
      ['World-class', 'absolute', 'ban'],
    ]);
  });

  it('a paid “种草” post with a purchase link and no 广告 label; labelled, it passes the disclosure rule', () => {
    const post = '姐妹们！这款面霜我用了一个月，皮肤状态超好～品牌合作，点击链接购买还有专属折扣码 LANAN10';
    expect(
      flagged(post)
        .filter(([, rule]) => rule === 'disclosure')
        .map(([text]) => text),
    ).toEqual(['品牌合作', '点击链接购买', '专属折扣码']);
    expect(flagged(`广告｜${post}`).filter(([, rule]) => rule === 'disclosure')).toEqual([]);
    expect(flagged('Sponsored: my honest review. Use my code LANAN10, link in bio.').map(([t]) => t)).toEqual(
      ['Sponsored', 'Use my code', 'link in bio'],
    );
    expect(flagged('Ad · Sponsored: my honest review. Use my code LANAN10.')).toEqual([]);
  });

  it('medical and health claims in both languages', () => {
    expect(
      flagged('本品采用草本配方，可根治失眠，无副作用，有效率高达98%。').map(([t, r]) => [t, r]),
    ).toEqual([
      ['根治', 'medical'],
      ['无副作用', 'medical'],
      ['有效率', 'medical'],
    ]);
    expect(flagged('Clinically proven tea that cures insomnia.').map(([t, r]) => [t, r])).toEqual([
      ['Clinically proven', 'medical'],
      ['cures', 'medical'],
    ]);
  });

  it('"能治失眠" and endorsements by doctors (Advertising Law Arts. 16–18); a plain mention of sleep is clean', () => {
    expect(flagged('本品能治失眠。').map(([t, r]) => [t, r])).toEqual([['能治', 'medical']]);
    expect(flagged('医生推荐的草本茶。').map(([t, r]) => [t, r])).toEqual([['医生推荐', 'endorsement']]);
    expect(flagged('Herbal tea, recommended by doctors.').map(([t, r]) => [t, r])).toEqual([
      ['recommended by doctors', 'endorsement'],
    ]);
    expect(
      flagged('睡前一杯，安静放松。A calm cup before sleep; our doctor of tea picks the leaves.'),
    ).toEqual([]);
  });

  it('clean copy has no finding', () => {
    expect(
      flagged('澜岸家居精选北欧实木家具，支持七天无理由退货。Solid-wood furniture, delivered in Shanghai.'),
    ).toEqual([]);
  });

  it('refuses binary, empty and over-long input with a reason instead of checking it', () => {
    const binary = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => i % 32));
    expect(looksBinary(binary)).toBe(true);
    expect(checkAdCopy(binary)).toMatchObject({ ok: false, code: 'notText' });
    expect(checkAdCopy('  \n')).toMatchObject({ ok: false, code: 'empty' });
    const huge = '最佳'.repeat(512 * 1024); // 1 MiB of characters
    expect(checkAdCopy(huge)).toEqual({ ok: false, code: 'tooLong', characters: huge.length });
    expect(checkAdCopy('最佳'.repeat(AD_TEXT_MAX_CHARS / 2)).ok).toBe(true);
  });
});
