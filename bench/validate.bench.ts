import * as validate from '../core/validate';
import { medianMs, type Bench, type BenchResult } from './run';

/** A complete set of field values as one case would have them, each run through its validator. */
function validateEveryField(): number {
  const today = '2026-11-25';
  const results = [
    validate.validateUscc('91440300708461136T'),
    validate.validateResidentId('11010519491231002X', { today }),
    validate.validateHmtResidencePermit('810000199001010027', { today }),
    validate.validateHomeReturnPermit('H12345678'),
    validate.validateTaiwanPermit('12345678'),
    validate.validatePassport('E12345678', { issuingCountry: 'CHN' }),
    validate.validatePermanentResidenceId('911840199001010018', { today }),
    validate.validateMobile('+86 138 1234 5678'),
    validate.validatePhone('010-62345678'),
    validate.validateEmail('zhangsan@例子.中国'),
    validate.validateWebsiteDomain('www.example.com.cn'),
    validate.validateWechatAppId('wx1234567890abcdef'),
    validate.validateAndroidPackage('com.example.app'),
    validate.validateIosBundleId('com.example.app'),
    validate.validateCertificateFingerprint('A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90'),
    validate.validateRsaModulus(`C${'3'.repeat(510)}5`),
    validate.validateIcpNumber('粤B2-20090059-1626X', { today }),
    validate.validateValidityPeriod({ start: '2020-01-01', end: '2030-01-01' }, { submissionDate: today }),
    validate.validateChineseText('北京市朝阳区高碑店路181号1栋12345室'),
    validate.checkFieldLimit(
      'wechat.applets.comment',
      '本小程序为本公司客户提供在线预约、订单查询和售后服务等功能。',
    ),
    validate.validateServiceName('星河科技官网', {
      service: 'website',
      subjectType: 'organization',
      province: '510000',
    }),
  ];
  return results.length;
}

export const benches: Bench[] = [
  {
    name: 'validate',
    async run(): Promise<BenchResult[]> {
      const ms = await medianMs(validateEveryField, 500, 20);
      return [
        {
          label: 'all field validators, one value each (median of 500)',
          value: ms,
          unit: 'ms',
          goal: '≤ 2 ms',
          met: ms <= 2,
        },
      ];
    },
  },
];
