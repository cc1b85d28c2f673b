/**
 * Upload profiles: what each portal accepts for scanned materials (templates/rules/upload-profiles.json).
 * Each limit says whether a source states it or it is our documented default, so the UI and the manifest can
 * tell the user which numbers are firm.
 */
import { z } from 'zod';
import profilesJson from '../../templates/rules/upload-profiles.json' with { type: 'json' };

export const PROFILE_IDS = ['wechat', 'aliyun', 'tencent'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

const Limit = z.object({
  value: z.number().positive(),
  status: z.enum(['sourced', 'default']),
  confidence: z.enum(['unclear']).optional(),
  source: z.string().min(1),
});

const ProfileSchema = z.object({
  id: z.enum(PROFILE_IDS),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  format: z.literal('jpeg'),
  colour: z.literal('srgb'),
  jpegQuality: z.number().int().min(40).max(100),
  maxBytes: Limit,
  minPixels: z.object({
    longEdge: z.number().int().positive(),
    shortEdge: z.number().int().positive(),
    status: z.enum(['sourced', 'default']),
    source: z.string().min(1),
  }),
  maxLongEdgePx: Limit,
  mediaReturnedAs: z
    .object({ value: z.string(), status: z.enum(['sourced', 'default']), source: z.string() })
    .optional(),
  acceptsPdf: z.boolean(),
  acceptsPdfSource: z.string().min(1),
});
export type UploadProfile = z.infer<typeof ProfileSchema>;

const ProfilesFileSchema = z.object({
  type: z.literal('icp-packet/upload-profiles'),
  version: z.number().int().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  profiles: z.array(ProfileSchema).length(PROFILE_IDS.length),
});

const profilesFile = ProfilesFileSchema.parse(profilesJson);

export const UPLOAD_PROFILES_VERSION = `${profilesFile.version} (${profilesFile.asOf})`;

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(value);
}

export function uploadProfile(id: ProfileId): UploadProfile {
  const profile = profilesFile.profiles.find((p) => p.id === id);
  if (!profile) throw new Error(`upload profile ${id} missing from upload-profiles.json`);
  return profile;
}

/** Whether an image of this size meets the profile's minimum, in either orientation. */
export function meetsMinPixels(profile: UploadProfile, width: number, height: number): boolean {
  return (
    Math.max(width, height) >= profile.minPixels.longEdge &&
    Math.min(width, height) >= profile.minPixels.shortEdge
  );
}
