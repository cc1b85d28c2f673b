import { compact, compactText } from '../../core/documents/pdf-reader';
import { removeTempDirs } from '../../host/store/helpers';
import { tempHandlers, value } from './harness';

afterEach(removeTempDirs);

async function handlers() {
  return (await tempHandlers('icp-doc-ipc-')).h;
}

// Rendering loads the 10 MB font and pdf.js; a loaded machine needs more than the default 5 s.
describe('document:render', { timeout: 30_000 }, () => {
  it('renders a stored case’s document as a PDF whose text reads back, in both variants', async () => {
    const h = await handlers();
    const sample = value(await h['case:createSample'](undefined));

    const submission = value(
      await h['document:render']({
        caseId: sample.id,
        templateId: 'filing-commitment',
        variant: 'submission',
      }),
    );
    expect(submission.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(submission.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await compactText(submission.bytes);
    expect(text).toContain(compact(sample.subject.name));

    const review = value(
      await h['document:render']({ caseId: sample.id, templateId: 'filing-commitment', variant: 'review' }),
    );
    expect(await compactText(review.bytes)).toContain('Forreviewonly');
  });

  it('reflects the latest saved edit', async () => {
    const h = await handlers();
    const sample = value(await h['case:createSample'](undefined));
    value(
      await h['case:save']({ case: { ...sample, subject: { ...sample.subject, name: '澜岸测试有限公司' } } }),
    );
    const { bytes } = value(
      await h['document:render']({
        caseId: sample.id,
        templateId: 'filing-commitment',
        variant: 'submission',
      }),
    );
    expect(await compactText(bytes)).toContain('澜岸测试有限公司');
  });

  it('refuses unknown templates, bad ids and unknown cases with codes', async () => {
    const h = await handlers();
    const sample = value(await h['case:createSample'](undefined));
    expect(
      await h['document:render']({
        caseId: sample.id,
        templateId: 'no-such-template',
        variant: 'submission',
      }),
    ).toMatchObject({ ok: false, code: 'notFound' });
    expect(
      await h['document:render']({ caseId: sample.id, templateId: '../x', variant: 'submission' }),
    ).toMatchObject({ ok: false, code: 'invalidPayload' });
    expect(
      await h['document:render']({
        caseId: '00000000-0000-4000-8000-000000000000',
        templateId: 'filing-commitment',
        variant: 'submission',
      }),
    ).toMatchObject({ ok: false, code: 'notFound' });
  });

  it('names the characters the font cannot print', async () => {
    const h = await handlers();
    const sample = value(await h['case:createSample'](undefined));
    // U+E000 (private use) has no glyph in Noto Sans SC.
    value(
      await h['case:save']({ case: { ...sample, subject: { ...sample.subject, name: '甲\uE000公司' } } }),
    );
    const result = await h['document:render']({
      caseId: sample.id,
      templateId: 'filing-commitment',
      variant: 'submission',
    });
    expect(result).toMatchObject({ ok: false, code: 'documentUnprintable' });
    expect(!result.ok && String(result.details?.characters)).toContain('\uE000');
  });
});
