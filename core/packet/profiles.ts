/**
 * Upload profiles: what each portal accepts for scanned materials (templates/rules/upload-profiles.json).
 * Each limit says whether a source states it or it is our documented default, so the UI and the manifest can
 * tell the user which numbers are firm.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import profilesJson from '../../templates/rules/upload-profiles.json' with { type: 'json' };

export const PROFILE_IDS = ['wechat', 'aliyun', 'tencent'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

const Limit = lazySchema(() =>
  z.strictObject({
    value: z.number().positive(),
    status: z.enum(['sourced', 'default']),
    confidence: z.enum(['unclear']).optional(),
    source: z.string().min(1),
  }),
);

const ProfileSchema = lazySchema(() =>
  z.strictObject({
    id: z.enum(PROFILE_IDS),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    format: z.literal('jpeg'),
    colour: z.literal('srgb'),
    jpegQuality: z.number().int().min(40).max(100),
    maxBytes: Limit,
    minPixels: z.strictObject({
      longEdge: z.number().int().positive(),
      shortEdge: z.number().int().positive(),
      status: z.enum(['sourced', 'default']),
      source: z.string().min(1),
    }),
    maxLongEdgePx: Limit,
    mediaReturnedAs: z
      .strictObject({ value: z.string(), status: z.enum(['sourced', 'default']), source: z.string() })
      .optional(),
    acceptsPdf: z.boolean(),
    acceptsPdfSource: z.string().min(1),
  }),
);
export type UploadProfile = z.infer<typeof ProfileSchema>;

/** templates/rules/upload-profiles.json: part of the rule pack (core/rules/pack.ts). */
export const ProfilesFileSchema = lazySchema(() =>
  z.strictObject({
    $comment: z.string().max(4000).optional(),
    type: z.literal('icp-packet/upload-profiles'),
    version: z.number().int().min(1),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    profiles: z.array(ProfileSchema).length(PROFILE_IDS.length),
  }),
);

export type UploadProfilesFile = z.infer<typeof ProfilesFileSchema>;

/** The profiles in use: the bundled file, or an imported rule pack's. */
let profilesFile = bundledData('upload-profiles', ProfilesFileSchema, profilesJson);

const versionOf = (file: UploadProfilesFile) => `${file.version} (${file.asOf})`;
/** The version of the profiles in use, for a packet's manifest. */
export let UPLOAD_PROFILES_VERSION = versionOf(profilesFile);

/** Puts parsed upload profiles in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useUploadProfiles(file: UploadProfilesFile): void {
  profilesFile = file;
  UPLOAD_PROFILES_VERSION = versionOf(file);
}

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
