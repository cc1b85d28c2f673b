/**
 * The bundled sample: a WFOE in Shanghai (Pudong) launching a WeChat Mini-Program shop for its own imported
 * goods. Every name, number and address is fictitious but well-formed (the USCC and resident-ID check
 * characters are computed), so the sample passes the validators and shows a realistic packet.
 * Its name carries 样本 / SAMPLE so nobody mistakes it, or a document generated from it, for a real one.
 */
import { CaseSchema, CURRENT_SCHEMA_VERSION, type Case } from './case';

/** The legal representative, a German national, who is also the subject's person in charge. */
const ANNA_MUELLER = {
  // The passport prints MUELLER ANNA; 安娜·穆勒 is the Chinese name she uses in China.
  name: '安娜·穆勒',
  nameLatin: 'MUELLER ANNA',
  nationality: 'DE',
  idType: 'passport',
  idNumber: 'C01X00T47',
  idValidFrom: '2021-07-01',
  idValidTo: '2031-06-30',
  mobile: '13601729458',
  emergencyPhone: '13761802934',
  email: 'anna.mueller@northwind-home.cn',
  title: '董事长兼总经理',
};

export const SAMPLE_CASE_ID = 'b7c1f3e2-5a4d-4e8f-9c21-7d3a6b0e5f41';

export function sampleCase(now: Date = new Date()): Case {
  const at = now.toISOString();
  return CaseSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: SAMPLE_CASE_ID,
    name: '样本 SAMPLE — 澜岸家居优选 mini-program shop',
    createdAt: at,
    updatedAt: at,
    answers: {
      surfaces: ['mini_program'],
      miniProgramAccount: 'mainland_entity',
      subject: 'wfoe',
      foreignEquityPct: 100,
      pilotLocation: 'shanghai_lingang_pudong',
      scope: 'single_province',
      province: '310000',
      activities: ['own_goods_sales'],
      sectors: [],
      generativeAi: 'none',
      recommendation: false,
    },
    subject: {
      name: '上海澜岸贸易有限公司',
      nameLatin: "Lan'an Trading (Shanghai) Co., Ltd.",
      certificateType: 'business_licence',
      certificateNumber: '91310115MA1K4R7C5A',
      certificateAddress: '中国（上海）自由贸易试验区张杨路500号10楼1001室',
      province: '310000',
      city: '310100',
      district: '310115',
      mailingAddress: '张杨路500号10楼1001室',
      postalCode: '200120',
      investor: '北风家居有限责任公司（Northwind Home GmbH）',
      registeredCapitalCny: 5_000_000,
      establishedOn: '2021-03-18',
      certificateLongTerm: false,
      certificateValidTo: '2051-03-17',
      businessScope:
        '一般项目：家居用品、日用百货、厨房用具的批发、零售（含网上销售）及进出口；商务信息咨询。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
      shareholders: [
        {
          name: '北风家居有限责任公司',
          nameLatin: 'Northwind Home GmbH',
          country: 'DE',
          kind: 'company',
          sharePct: 100,
          contributionCny: 5_000_000,
          certificateNumber: 'HRB 204518（德国慕尼黑地方法院商业登记）',
        },
      ],
      phone: '021-58861234',
      employeeCount: 18,
      privacyContactEmail: 'privacy@northwind-home.cn',
      privacyContactName: '法务部',
    },
    legalRepresentative: ANNA_MUELLER,
    // Shanghai requires the subject's person in charge to be the legal representative (app-and-website-filing-fields.md §7);
    // the mini-program's person in charge is a local manager, authorised by the legal representative.
    principal: { ...ANNA_MUELLER, isLegalRepresentative: true },
    contacts: [
      { role: '代理机构联系人', name: '陈晨', mobile: '13524681357', email: 'chen.chen@example-agency.cn' },
    ],
    services: [
      {
        kind: 'mini_program',
        id: 'svc-mini-1',
        platform: 'wechat',
        name: '澜岸家居优选',
        appId: 'wx3f8a1c92d4e6b705',
        contentDescription: '家居用品网上零售（仅销售本公司自营商品）',
        languages: ['zh-CN'],
        serviceContentTypes: [],
        preApprovals: [],
        principal: {
          name: '王丽',
          nameLatin: 'Wang Li',
          nationality: 'CN',
          idType: 'resident_id',
          idNumber: '310115199003152346',
          idValidFrom: '2019-04-02',
          idValidTo: '2039-04-02',
          mobile: '13816472059',
          emergencyPhone: '13917385264',
          email: 'wang.li@northwind-home.cn',
          title: '运营经理',
          isLegalRepresentative: false,
        },
        remarks:
          '本小程序为上海澜岸贸易有限公司自营家居用品商城，向用户展示并销售本公司进口的家居用品，提供商品浏览、下单、微信支付及售后服务，不涉及第三方商家入驻，不提供信息发布或用户评论功能。',
      },
    ],
    personalData: [
      {
        item: '微信昵称、头像',
        purpose: '登录及账户识别',
        sensitive: false,
        retention: '账户注销后15日内删除',
      },
      {
        item: '手机号码',
        purpose: '订单通知及售后联系',
        sensitive: false,
        retention: '账户注销后15日内删除',
      },
      {
        item: '收货人姓名、收货地址',
        purpose: '商品配送',
        sensitive: false,
        retention: '订单完成后3年（依据《电子商务法》第三十一条）',
        sharedWith: '承运的快递公司（仅限配送所需信息）',
      },
      {
        item: '订单及支付记录',
        purpose: '交易履行、退款及依法记账',
        sensitive: true,
        sensitiveCategories: ['financial'],
        legalBasis: 'contract',
        retention: '交易完成后3年',
        sharedWith: '财付通支付科技有限公司（微信支付）',
      },
    ],
    journal: [{ id: 'sample-draft', at, on: at.slice(0, 10), status: 'draft' }],
    // The English meaning of the free-text Chinese fields, for the bilingual review copy.
    englishMeanings: {
      'subject.certificateAddress':
        'Room 1001, 10/F, 500 Zhangyang Road, China (Shanghai) Pilot Free Trade Zone',
      'subject.mailingAddress': 'Room 1001, 10/F, 500 Zhangyang Road',
      'subject.businessScope':
        'General items: wholesale, retail (including online sales), import and export of homeware, daily goods and kitchenware; business information consulting.',
      'subject.privacyContactName': 'Legal Department',
      'legalRepresentative.title': 'Chair and General Manager',
      'principal.title': 'Chair and General Manager',
      'services.0.name': "Lan'an Home Select",
      'services.0.contentDescription': 'Online retail of homeware (own goods only)',
      'services.0.remarks':
        "The mini-program is Lan'an Trading's own homeware shop: it shows and sells the company's imported homeware, with browsing, ordering, WeChat Pay and after-sales service; no third-party sellers, no user posts or comments.",
      'services.0.principal.title': 'Operations Manager',
      'personalData.0.item': 'WeChat nickname and avatar',
      'personalData.0.purpose': 'Log-in and account identification',
      'personalData.0.retention': 'Deleted within 15 days of account closure',
      'personalData.1.item': 'Mobile number',
      'personalData.1.purpose': 'Order notices and after-sales contact',
      'personalData.1.retention': 'Deleted within 15 days of account closure',
      'personalData.2.item': 'Recipient name and delivery address',
      'personalData.2.purpose': 'Delivery of goods',
      'personalData.2.retention': '3 years after the order is completed (E-commerce Law Art. 31)',
      'personalData.2.sharedWith': 'The courier delivering the order (delivery data only)',
      'personalData.3.item': 'Order and payment records',
      'personalData.3.purpose': 'Performing the transaction, refunds and bookkeeping required by law',
      'personalData.3.retention': '3 years after the transaction',
      'personalData.3.sharedWith': 'Tenpay Payment Technology Co., Ltd. (WeChat Pay)',
    },
  });
}
