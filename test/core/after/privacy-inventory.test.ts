/**
 * The PIPL inventory drives the privacy policy and the inventory table: rendered to PDF and read back with
 * pdf.js, the facts of each row appear, and the generic sentences give way where the inventory has facts.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { DataItemSchema, type Case } from '../../../core/model';
import { DOCUMENT_NOW, filingCase } from '../../fixtures/documents/cases';
import { bundledFonts, compactText } from '../documents/pdf-reader';

const DECISION = { filing: true, licence: false, licenceCategories: [] };

function withInventory(): Case {
  const c = filingCase();
  return {
    ...c,
    personalData: [
      DataItemSchema.parse({
        item: '手机号码',
        purpose: '登录及订单通知',
        retention: '账户注销后15日内删除',
        legalBasis: 'contract',
      }),
      DataItemSchema.parse({
        item: '儿童学习记录',
        purpose: '提供个性化练习',
        retention: '账户注销后30日内删除',
        sensitive: true,
        sensitiveCategories: ['minor_under_14'],
      }),
      DataItemSchema.parse({
        item: '设备位置',
        purpose: '就近门店推荐',
        retention: '6个月',
        sensitive: true,
        sensitiveCategories: ['location'],
        crossBorder: true,
        crossBorderRecipient: 'Northwind Home GmbH（德国）',
        crossBorderMechanism: 'standard_contract',
      }),
    ],
  };
}

async function text(templateId: string, c: Case, variant: 'submission' | 'review' = 'submission') {
  const bytes = await renderDocument(templateId, c, {
    variant,
    fonts: bundledFonts(),
    now: DOCUMENT_NOW,
    decision: DECISION,
  });
  return compactText(bytes);
}

describe('the inventory drives the privacy policy', () => {
  it('states the legal basis, the sensitive categories, the recipient abroad and the mechanism', async () => {
    const policy = await text('privacy-policy', withInventory());
    expect(policy).toContain('手机号码：为订立、履行个人作为一方当事人的合同所必需');
    expect(policy).toContain('儿童学习记录：敏感个人信息，属于不满十四周岁未成年人的个人信息');
    expect(policy).toContain('设备位置：敏感个人信息，属于行踪轨迹');
    expect(policy).toContain('境外接收方为NorthwindHomeGmbH（德国）');
    expect(policy).toContain('按照国家网信部门制定的标准合同与境外接收方订立合同');
    // Children's data is in the inventory: the generic "aimed at adults" sentence gives way.
    expect(policy).toContain('我们处理不满十四周岁未成年人的个人信息（见上表）');
    expect(policy).not.toContain('我们的服务主要面向成年人');
  }, 60_000);

  it('keeps the generic sentences where the inventory has no such facts', async () => {
    const c = filingCase();
    const policy = await text('privacy-policy', {
      ...c,
      personalData: [DataItemSchema.parse({ item: '手机号码', purpose: '登录', retention: '15日' })],
    });
    expect(policy).toContain('我们的服务主要面向成年人');
    expect(policy).not.toContain('无需取得您的同意');
    expect(policy).not.toContain('境外接收方为');
  }, 60_000);

  it('renders the inventory as its own PDF table with the flags for separate consent and assessment', async () => {
    const table = await text('pi-inventory', withInventory());
    expect(table).toContain('个人信息清单');
    for (const cell of [
      '手机号码',
      '登录及订单通知',
      '儿童学习记录',
      '行踪轨迹',
      '6个月',
      'NorthwindHomeGmbH（德国）',
    ])
      expect(table).toContain(cell);
    expect(table).toContain('敏感个人信息：设备位置——处理前取得单独同意（第二十九条）');
    expect(table).toContain(
      '出境：设备位置（境外接收方：NorthwindHomeGmbH（德国））——取得单独同意（第三十九条）',
    );
    const review = await text('pi-inventory', withInventory(), 'review');
    expect(review).toContain('PersonalInformationInventory');
  }, 60_000);
});
