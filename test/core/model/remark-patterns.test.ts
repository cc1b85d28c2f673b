import { describe, expect, it } from 'vitest';
import { remarkPatterns } from '../../../core/model/remark-patterns';
import { sampleCase } from '../../../core/model/sample-case';

describe('备注 sentence patterns', () => {
  it('are built from the case: subject, service name and content, each with its English meaning', () => {
    const c = sampleCase(new Date('2026-11-25T00:00:00Z'));
    const service = c.services[0]!;
    const patterns = remarkPatterns(c, 0);
    expect(patterns.length).toBeGreaterThan(1);
    for (const pattern of patterns) {
      expect(pattern['zh-CN']).toContain(c.subject.name);
      expect(pattern['zh-CN']).toContain(service.name);
      expect(pattern.en).toContain(service.name);
      expect(pattern.en).not.toMatch(/undefined|\{/u);
      // WeChat takes 20–200 characters.
      expect(pattern.length).toBeGreaterThanOrEqual(20);
      expect(pattern.length).toBeLessThanOrEqual(200);
    }
    if (service.contentDescription) expect(patterns[0]!['zh-CN']).toContain(service.contentDescription);
  });

  it('offers none until the subject and the service have a name', () => {
    const c = sampleCase(new Date('2026-11-25T00:00:00Z'));
    c.subject.name = '';
    expect(remarkPatterns(c, 0)).toEqual([]);
  });
});
