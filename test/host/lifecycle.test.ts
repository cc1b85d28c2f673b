/**
 * The packets of a licence holder's later years, built from the licence case, written to a temp folder and
 * read back the way a reviewer's software reads them (pdf.js text): the renewal packet and two change
 * packets (a new legal representative, a new name), and the annual report's what-to-type sheet.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnnualReport } from '../../core/after/annual-report';
import { ANNUAL_REPORT_RULES } from '../../core/after/lifecycle-rules';
import { recordChange } from '../../core/after/changes';
import type { LifecycleManifest } from '../../core/after/lifecycle-packet';
import { PacketError } from '../../core/packet/errors';
import { renderAnnualReportSheet, writeChangePacket, writeRenewalPacket } from '../../host/lifecycle';
import { compact, extractText } from '../core/documents/pdf-reader';
import { licenceHolderCase } from '../fixtures/lifecycle';
import { removeTempDirs, tempDir } from './store/helpers';
import { RESOURCES_DIR } from '../support/paths';

let out: string;
beforeAll(async () => {
  out = await tempDir('icp-lifecycle-');
});
afterAll(removeTempDirs);

const NOW = new Date('2026-12-01T02:00:00Z');
const request = (today: string, signOn = today) => ({
  outDir: out,
  replace: false,
  today,
  signOn,
  now: NOW,
  appVersion: 'test',
  resourcesDir: RESOURCES_DIR,
});

async function textOf(file: string): Promise<{ pages: number; text: string }> {
  const pdf = await extractText(new Uint8Array(await readFile(file)));
  return { pages: pdf.pageCount, text: pdf.items.map((i) => i.text).join('') };
}

async function readManifest(folder: string): Promise<LifecycleManifest> {
  const manifest = JSON.parse(
    await readFile(path.join(folder, 'manifest.json'), 'utf8'),
  ) as LifecycleManifest;
  for (const file of manifest.files) {
    const bytes = await readFile(path.join(folder, file.path));
    expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
  }
  return manifest;
}

describe('lifecycle packets', { timeout: 60_000 }, () => {
  it('builds the renewal packet: application, commitment, resolution and evidence, read back', async () => {
    const c = withAnnualReport(licenceHolderCase(), 2025, (r) => ({ ...r, submittedOn: '2026-03-10' }));
    const { folder } = await writeRenewalPacket(c, request('2030-08-10'));
    expect(path.basename(folder)).toBe('Yunfan Zhixue B25 licence (test case)-renewal-20261201');
    expect((await readdir(folder)).sort()).toEqual(
      [
        '00 目录 Index.pdf',
        '01 增值电信业务经营许可证续期申请表.pdf',
        '02 依法经营电信业务承诺书.pdf',
        '03 股东会决议.pdf',
        '04 业务实际开展情况说明.pdf',
        '完整材料包 Full packet.pdf',
        '双语核对版 Bilingual review.pdf',
        'manifest.json',
      ].sort(),
    );
    const manifest = await readManifest(folder);
    expect(manifest.templates.map((t) => t.id)).toEqual([
      'renewal-application',
      'lawful-operation-commitment',
      'shareholders-resolution',
      'service-launch-evidence',
    ]);
    expect(manifest.toAttach.map((m) => m.id)).toEqual([
      'businessLicence',
      'licence',
      'hosting',
      'domainCertificate',
      'serviceScreenshots',
      'filingScreenshot',
    ]);

    const index = await textOf(path.join(folder, '00 目录 Index.pdf'));
    expect(index.text).toContain('增值电信业务经营许可证续期');
    expect(index.text).toContain('自备（扫描件）');
    const application = await textOf(path.join(folder, '01 增值电信业务经营许可证续期申请表.pdf'));
    expect(application.text).toContain('粤B2-20254321');
    // Every year owed is listed, the unfiled ones as such — never a bare 无.
    expect(application.text).toContain(
      '2025年度（2026年3月10日报送）；2026年度（尚未报送）；2027年度（尚未报送）；2028年度（尚未报送）；2029年度（尚未报送）',
    );
    expect(application.text).toContain('云帆知学（yunfan-edu.cn），2026年1月5日上线');
    // The reports of 2026–2029 are not marked submitted: the form affirms only what the case shows.
    expect(application.text).toContain('上述业务均已实际开展。');
    expect(application.text).not.toContain('历年年报均已按规定报送');
    expect(application.text).toContain('2030年8月10日');
    const commitment = await textOf(path.join(folder, '02 依法经营电信业务承诺书.pdf'));
    expect(commitment.text).toContain('持有《增值电信业务经营许可证》（编号：粤B2-20254321），现申请续期');
    const resolution = await textOf(path.join(folder, '03 股东会决议.pdf'));
    expect(resolution.text).toContain('同意公司向广东省通信管理局申请续期');
    expect(resolution.text).toContain('深圳市云帆投资合伙企业（有限合伙）');
    // Dated with the application: no 年 月 日 left blank in the meeting or the signature.
    expect(resolution.text).toContain('股东会于2030年8月10日召开会议');
    expect(resolution.text).not.toMatch(/年\s*月\s*日/);
    const evidence = await textOf(path.join(folder, '04 业务实际开展情况说明.pdf'));
    expect(evidence.text).toContain('https://www.yunfan-edu.cn');
    expect(evidence.text).toContain('2026年1月5日');
    expect(evidence.text).toContain('用户总数为31200户');
    // The screenshots it says go with it are in the index as material to add (review 9).
    expect(evidence.text).toContain('随本说明附各网站首页及应用界面截图、ICP备案查询截图');
    expect(index.text).toContain('网站首页及应用界面截图');
    expect(index.text).toContain('ICP备案截图');
    const full = await textOf(path.join(folder, '完整材料包 Full packet.pdf'));
    expect(full.pages).toBe(
      index.pages + application.pages + commitment.pages + resolution.pages + evidence.pages,
    );

    // Written again: refused unless the user confirmed replacing it.
    await expect(writeRenewalPacket(c, request('2030-08-10'))).rejects.toBeInstanceOf(PacketError);
  });

  it('builds the change packet of a new legal representative: letter, resolution and filing changes', async () => {
    const c = recordChange(
      licenceHolderCase(),
      {
        kind: 'legal_representative',
        registeredOn: '2026-11-20',
        person: {
          ...licenceHolderCase().legalRepresentative,
          name: '李娜',
          nameLatin: 'Li Na',
          idNumber: '440305199008162321',
        },
      },
      'chg-rep',
      NOW,
    );
    const { folder } = await writeChangePacket(c, 'chg-rep', request('2026-12-01'));
    expect(path.basename(folder)).toBe('Yunfan Zhixue B25 licence (test case)-change-legal-rep-20261201');
    const manifest = await readManifest(folder);
    expect(manifest.templates.map((t) => t.id)).toEqual([
      'licence-change-application',
      'shareholders-resolution',
    ]);
    const letter = await textOf(path.join(folder, '01 增值电信业务经营许可证变更申请书.pdf'));
    expect(letter.text).toContain('广东省通信管理局');
    expect(letter.text).toContain('本公司法定代表人已由张伟变更为李娜，并于2026年11月20日完成变更登记');
    expect(letter.text).toContain('第二十九条');
    expect(letter.text).toContain('变更登记日期');
    expect(letter.text).toContain('新任法定代表人身份证件');
    const resolution = await textOf(path.join(folder, '02 股东会决议.pdf'));
    // Adopted with the application, after the registration: dated, and it confirms what was registered.
    expect(resolution.text).toContain('股东会于2026年12月1日召开会议');
    expect(resolution.text).toContain(
      '确认公司已于2026年11月20日完成下列事项的变更登记：张伟不再担任公司法定代表人，由李娜担任公司法定代表人',
    );
    expect(resolution.text).not.toMatch(/年\s*月\s*日/);
    const filings = await textOf(path.join(folder, '备案变更对照表 Filing changes.pdf'));
    expect(filings.text).toContain('粤ICP备2025071234号-1');
    expect(filings.text).toContain('深圳市腾讯计算机系统有限公司');
    expect(filings.text).toContain('仅供核对');
  });

  it('builds the change packet of a new name with the rename letter for the filing change', async () => {
    const c = recordChange(
      licenceHolderCase(),
      {
        kind: 'name',
        registeredOn: '2026-11-20',
        name: '深圳市云帆学堂科技有限公司',
        nameLatin: 'Shenzhen Yunfan Xuetang Technology Co., Ltd.',
      },
      'chg-name',
      NOW,
    );
    const { folder } = await writeChangePacket(c, 'chg-name', request('2026-12-01'));
    const manifest = await readManifest(folder);
    expect(manifest.templates.map((t) => t.id)).toEqual([
      'licence-change-application',
      'shareholders-resolution',
      'rename-letter',
    ]);
    const letter = await textOf(path.join(folder, '01 增值电信业务经营许可证变更申请书.pdf'));
    expect(letter.text).toContain(
      '本公司名称已由“深圳市云帆知学科技有限公司”变更为“深圳市云帆学堂科技有限公司”',
    );
    // The applicant is the company under its new name.
    expect(letter.text).toContain('申请单位（盖章）：深圳市云帆学堂科技有限公司');
    const rename = await textOf(path.join(folder, '03 主体更名函.pdf'));
    expect(rename.text).toContain('本单位原名称为“深圳市云帆知学科技有限公司”');
    expect(rename.text).toContain('粤ICP备2025071234号');
  });
});

describe('the annual report sheet', { timeout: 60_000 }, () => {
  it('prints every form with labels, meanings and values, and a box for the commitment text it does not have', async () => {
    const { run, bytes } = await renderAnnualReportSheet(licenceHolderCase(), {
      year: 2025,
      today: '2026-02-10',
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    expect(run.errors).toBe(0);
    const pdf = await extractText(bytes);
    const text = pdf.items.map((i) => i.text).join('');
    for (const label of [
      '企业基本情况表',
      '企业服务质量表',
      '企业经济效益表',
      '网络信息安全表',
      '业务发展情况表',
      '互联网及相关业务统计表',
    ])
      expect(text).toContain(label);
    expect(text).toContain('用户投诉回复率');
    expect(text).toContain('286.14');
    expect(text).toContain('我们的资料中没有这段文字');
    expect(text).toContain('承诺书划线文字');

    const kept = withAnnualReport(licenceHolderCase(), 2025, (r) => ({
      ...r,
      commitmentText: '本企业承诺所填报的年报信息真实、准确、完整。',
    }));
    const withText = await renderAnnualReportSheet(kept, {
      year: 2025,
      today: '2026-02-10',
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    const keptText = (await extractText(withText.bytes)).items.map((i) => i.text).join('');
    expect(keptText).toContain('本企业承诺所填报的年报信息真实、准确、完整。');
    expect(keptText).not.toContain('承诺书划线文字');
  });

  it('lists its sources by their Chinese titles, each with the English title as its gloss', async () => {
    const { run, bytes } = await renderAnnualReportSheet(licenceHolderCase(), {
      year: 2025,
      today: '2026-02-10',
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    const sources = [
      ...ANNUAL_REPORT_RULES.system.sources,
      ...run.deadlines.flatMap((d) => d.sources),
      ...run.forms.flatMap((f) => f.sources),
    ].filter((s) => s.titleZh !== undefined);
    expect(sources.length).toBeGreaterThan(3);
    const { items } = await extractText(bytes);
    // The Chinese line is set in the note size, its English gloss smaller beneath it.
    const chinese = compact(
      items
        .filter((i) => i.size > 10)
        .map((i) => i.text)
        .join(''),
    );
    const gloss = compact(
      items
        .filter((i) => i.size < 8)
        .map((i) => i.text)
        .join(''),
    );
    for (const s of sources) {
      expect(chinese).toContain(compact(s.titleZh!));
      expect(chinese, s.title).not.toContain(compact(s.title));
      expect(gloss).toContain(compact(s.title));
    }
  });
});
