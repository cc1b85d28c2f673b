/**
 * wechat-apply-icp-filing.json: the body of WeChat's applyIcpFiling request
 * (POST /wxa/icp/apply_icp_filing, field tree in templates/rules/wechat-filing-fields.json), filled from the
 * case, so an agency's developer can send it after uploading the media.
 *
 * Two kinds of value cannot be known offline and are written as explicit markers, never guessed:
 * - media fields take a `media_id` from upload_icp_media: the value is `media:<packet file>` naming the file
 *   to upload for that field;
 * - code-list ids WeChat publishes only through its query APIs (e.g. the id of 以上都不涉及): the value is
 *   `UNRESOLVED:<lookup>:<what>`, and `_icp_packet.unresolved` lists each with the query to run.
 * The `_icp_packet` key is ours: it must be removed before the request is sent.
 */
import type { Case, MiniProgram, Person, Principal } from '../model/case';
import idsJson from '../../templates/rules/wechat-filing-ids.json' with { type: 'json' };
import fieldTree from '../../templates/rules/wechat-filing-fields.json' with { type: 'json' };
import { idDocumentName } from '../documents/names';

interface IdEntry {
  id: number | null;
  evidence: string;
}

const ids = idsJson as unknown as {
  subjectTypes: { lookup: string; byCaseSubject: Record<string, IdEntry> };
  certificateTypes: { lookup: string; byCaseType: Record<string, IdEntry> };
  nrlxTypes: {
    lookup: string;
    noneOfTheAbove: IdEntry & { name: string };
    bySector: Record<string, IdEntry & { name: string }>;
  };
  serviceContentTypes: { lookup: string };
};

export const MEDIA_PREFIX = 'media:';
export const UNRESOLVED_PREFIX = 'UNRESOLVED:';

export interface WechatFieldDef {
  path: string;
  type: string;
  required: 'yes' | 'no' | 'conditional' | 'output-only';
  mediaId: boolean;
  zh: string;
  en: string;
}

/** The applyIcpFiling field tree (a copy of shared/domain/wechat-filing-fields.json). */
export const WECHAT_FIELD_TREE: readonly WechatFieldDef[] = (fieldTree as { fields: WechatFieldDef[] })
  .fields;

export interface WechatNote {
  field: string;
  value: string | number;
  note: string;
  lookup?: string;
}

export interface WechatMediaNote {
  field: string;
  file: string;
  /** `certificate_type` to send with upload_icp_media for identity/certificate images (§5), when known. */
  certificateType?: number | string;
}

export interface WechatFilingJson {
  icp_subject: Record<string, unknown>;
  icp_applets: Record<string, unknown>;
  icp_materials: Record<string, string[]>;
  _icp_packet: {
    about: string;
    service: { id: string; name: string; appId: string };
    media: WechatMediaNote[];
    unresolved: WechatNote[];
    inferred: WechatNote[];
    missingMedia: string[];
  };
}

/**
 * The packet files to upload for a media field, in order ([] when the packet has none): one for a single
 * media field, every page of a signed scan for a list field of `icp_materials`.
 */
export type MediaFileFor = (field: string) => string[];

const compactDate = (iso: string) => iso.replaceAll('-', '');

export function buildWechatFiling(
  c: Case,
  service: MiniProgram,
  mediaFileFor: MediaFileFor,
): WechatFilingJson {
  const unresolved: WechatNote[] = [];
  const inferred: WechatNote[] = [];
  const media: WechatMediaNote[] = [];
  const missingMedia: string[] = [];

  const idOf = (field: string, entry: IdEntry | undefined, what: string, lookup: string): number | string => {
    if (entry?.id != null) {
      if (entry.evidence.startsWith('inferred'))
        inferred.push({ field, value: entry.id, note: entry.evidence, lookup });
      return entry.id;
    }
    const marker = `${UNRESOLVED_PREFIX}${lookup.replace(/^GET https:\/\/api\.weixin\.qq\.com/, '')}:${what}`;
    unresolved.push({ field, value: marker, note: entry?.evidence ?? 'no id known offline', lookup });
    return marker;
  };

  const mediaValue = (field: string, certificateType?: number | string): string => {
    const file = mediaFileFor(field)[0];
    if (!file) {
      missingMedia.push(field);
      return `${MEDIA_PREFIX}`;
    }
    media.push(certificateType === undefined ? { field, file } : { field, file, certificateType });
    return `${MEDIA_PREFIX}${file}`;
  };

  const certificateTypeId = (field: string, idType: string) =>
    idOf(field, ids.certificateTypes.byCaseType[idType], idType, ids.certificateTypes.lookup);

  const principalInfo = (
    prefix: string,
    person: Person,
    isLegalRepresentative: boolean,
    faceChecked: boolean,
  ) => {
    const certificateType = certificateTypeId(`${prefix}.certificate_type`, person.idType);
    const info: Record<string, unknown> = {
      // As in the identity document the certificate fields describe: MUELLER ANNA for a passport.
      name: idDocumentName(person),
      mobile: person.mobile,
      email: person.email,
      emergency_contact: person.emergencyPhone,
      certificate_type: certificateType,
      certificate_number: person.idNumber,
      certificate_validity_date_start: compactDate(person.idValidFrom),
      certificate_validity_date_end: person.idLongTerm ? '长期' : compactDate(person.idValidTo),
      certificate_photo_front: mediaValue(`${prefix}.certificate_photo_front`, certificateType),
      certificate_photo_back: mediaValue(`${prefix}.certificate_photo_back`, certificateType),
    };
    if (!isLegalRepresentative) info.authorization_letter = mediaValue(`${prefix}.authorization_letter`);
    if (faceChecked) {
      const field = `${prefix}.verify_task_id`;
      const marker = `${UNRESOLVED_PREFIX}/wxa/icp/create_icp_verifytask:task_id`;
      unresolved.push({
        field,
        value: marker,
        note: 'Created on the day of submission: the face check of this person gives a task_id valid for 3 days (WeChat create_icp_verifytask).',
        lookup: 'POST https://api.weixin.qq.com/wxa/icp/create_icp_verifytask',
      });
      info.verify_task_id = marker;
    }
    return info;
  };

  const subjectPrincipal: Principal = c.principal;
  const appletPrincipal: Principal = service.principal ?? c.principal;
  const subjectCertificateType = certificateTypeId(
    'icp_subject.organize_info.certificate_type',
    c.subject.certificateType,
  );

  const subject: Record<string, unknown> = {
    base_info: {
      type: idOf(
        'icp_subject.base_info.type',
        c.answers.subject ? ids.subjectTypes.byCaseSubject[c.answers.subject] : undefined,
        c.answers.subject ?? 'subject',
        ids.subjectTypes.lookup,
      ),
      name: c.subject.name,
      province: c.subject.province,
      city: c.subject.city,
      district: c.subject.district,
      address: c.subject.mailingAddress,
      comment: c.subject.remarks,
    },
    organize_info: {
      certificate_type: subjectCertificateType,
      certificate_number: c.subject.certificateNumber,
      certificate_address: c.subject.certificateAddress,
      certificate_photo: mediaValue('icp_subject.organize_info.certificate_photo', subjectCertificateType),
    },
    principal_info: principalInfo(
      'icp_subject.principal_info',
      subjectPrincipal,
      subjectPrincipal.isLegalRepresentative,
      false,
    ),
  };
  if (!subjectPrincipal.isLegalRepresentative) {
    subject.legal_person_info = {
      name: idDocumentName(c.legalRepresentative),
      certificate_number: c.legalRepresentative.idNumber,
    };
  }

  const nrlxDetails: Record<string, unknown>[] =
    service.preApprovals.length === 0
      ? [
          {
            type: idOf(
              'icp_applets.base_info.nrlx_details[0].type',
              ids.nrlxTypes.noneOfTheAbove,
              ids.nrlxTypes.noneOfTheAbove.name,
              ids.nrlxTypes.lookup,
            ),
          },
        ]
      : service.preApprovals.map((approval, i) => {
          const entry = ids.nrlxTypes.bySector[approval.sector];
          return {
            type: idOf(
              `icp_applets.base_info.nrlx_details[${i}].type`,
              entry,
              entry?.name ?? approval.sector,
              ids.nrlxTypes.lookup,
            ),
            code: approval.approvalNumber,
            media: mediaValue(`icp_applets.base_info.nrlx_details[${i}].media`),
          };
        });

  let serviceContentTypes: (number | string)[] = service.serviceContentTypes;
  if (serviceContentTypes.length === 0) {
    const marker = `${UNRESOLVED_PREFIX}/wxa/icp/query_icp_service_content_types:second-level ids (at most 5)`;
    unresolved.push({
      field: 'icp_applets.base_info.service_content_types',
      value: marker,
      note: `No service content type chosen in the case; WeChat documents only a few ids (${ids.serviceContentTypes.lookup}).`,
      lookup: ids.serviceContentTypes.lookup,
    });
    serviceContentTypes = [marker];
  }

  const applets = {
    base_info: {
      service_content_types: serviceContentTypes,
      nrlx_details: nrlxDetails,
      comment: service.remarks,
    },
    principal_info: principalInfo(
      'icp_applets.principal_info',
      appletPrincipal,
      appletPrincipal.isLegalRepresentative,
      true,
    ),
  };

  const materialsField = (name: string): string[] => {
    const files = mediaFileFor(`icp_materials.${name}`);
    for (const file of files) media.push({ field: `icp_materials.${name}`, file });
    return files.map((file) => `${MEDIA_PREFIX}${file}`);
  };
  const materials: Record<string, string[]> = {};
  for (const field of WECHAT_FIELD_TREE) {
    if (field.path.startsWith('icp_materials.'))
      materials[field.path.slice('icp_materials.'.length)] = materialsField(
        field.path.slice('icp_materials.'.length),
      );
  }

  return {
    icp_subject: subject,
    icp_applets: applets,
    icp_materials: materials,
    _icp_packet: {
      about:
        'Body of POST https://api.weixin.qq.com/wxa/icp/apply_icp_filing. Before sending: upload each file listed in `media` with upload_icp_media (type image, icp_order_field = field, certificate_type where given) and put the returned media_id in place of "media:…"; replace every "UNRESOLVED:…" value with the id from the named query; delete this _icp_packet key. appid and name are filled by WeChat and are not sent. 发送前：按 media 列表上传文件并以返回的 media_id 替换 "media:…"，按 unresolved 中的查询接口替换 "UNRESOLVED:…"，并删除 _icp_packet。',
      service: { id: service.id, name: service.name, appId: service.appId },
      media,
      unresolved,
      inferred,
      missingMedia,
    },
  };
}

/** Reads a dotted path (`a.b[0].c`) from the built JSON, for checks against the field tree. */
export function valueAtWechatPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    const key = isArray ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const node of current) {
      if (node === null || typeof node !== 'object') continue;
      const value = (node as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (isArray) {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
      } else next.push(value);
    }
    current = next;
  }
  return current;
}
