/**
 * Sentence patterns for a service's 备注 (remarks for the reviewer), built from the case's own facts so a user
 * who writes no Chinese can still submit a true, specific remark — each with its English meaning.
 * WeChat takes 20–200 characters (field-limits.json, wechat.applets.comment).
 */
import type { Bilingual } from '../validate/types';
import { measureLength } from '../validate/text';
import type { Case, Service } from './case';

const KIND: Record<Service['kind'], Bilingual> = {
  website: { en: 'website', 'zh-CN': '网站' },
  app: { en: 'app', 'zh-CN': 'App' },
  mini_program: { en: 'mini-program', 'zh-CN': '小程序' },
};

export interface RemarkPattern extends Bilingual {
  /** Characters of the Chinese, as WeChat counts them. */
  length: number;
}

/**
 * The patterns that fit this case: they need the subject's Chinese name and the service's name; the
 * content description (服务内容) is used where given, with its English meaning when the user entered one.
 */
export function remarkPatterns(caseData: Case, serviceIndex: number): RemarkPattern[] {
  const service = caseData.services[serviceIndex];
  const subject = caseData.subject.name.trim();
  if (!service || subject === '' || service.name.trim() === '') return [];
  const name = service.name.trim();
  const kind = KIND[service.kind];
  const content = service.contentDescription.trim();
  const contentEn =
    caseData.englishMeanings[`services.${serviceIndex}.contentDescription`]?.trim() || `“${content}”`;
  const activities = new Set(caseData.answers.activities);
  const noPreApproval = {
    en: ' It involves no news, publishing, education, health care, drugs or medical devices.',
    'zh-CN': '不涉及新闻、出版、教育、医疗保健、药品和医疗器械等需前置审批的内容。',
  };
  const patterns: Bilingual[] = [];
  if (content !== '') {
    patterns.push({
      'zh-CN': `本${kind['zh-CN']}“${name}”由${subject}自主运营，主要提供${content}。${noPreApproval['zh-CN']}`,
      en: `This ${kind.en}, “${name}”, is run by ${subject} itself and mainly offers ${contentEn}.${noPreApproval.en}`,
    });
  }
  if (activities.has('own_goods_sales')) {
    patterns.push({
      'zh-CN': `“${name}”是${subject}自营的网上商城，仅销售本公司的商品${content ? `（${content}）` : ''}，用户可在线下单付款，不提供第三方商家入驻。`,
      en: `“${name}” is ${subject}'s own online shop. It sells only the company's own goods${content ? ` (${contentEn})` : ''}; users order and pay online; no third-party sellers.`,
    });
  }
  patterns.push({
    'zh-CN': `“${name}”是${subject}的官方${kind['zh-CN']}，用于介绍公司简介、产品与服务信息和联系方式，不提供用户发布信息的功能。`,
    en: `“${name}” is the official ${kind.en} of ${subject}, presenting the company profile, its products and services and contact details; users cannot publish content.`,
  });
  return patterns.map((pattern) => ({ ...pattern, length: measureLength(pattern['zh-CN']) }));
}
