/**
 * File and folder names that survive every OS the packet travels to — above all Windows, where a file called
 * `CON.pdf`, a `:` in a name or a path over 260 characters makes Explorer, zip tools and upload dialogs fail.
 *
 * Names keep their meaning: a forbidden ASCII character becomes its full-width twin (`:` → `：`), which is
 * what a Chinese writer would type anyway, rather than disappearing.
 */

/** Longest relative path (folder name included) a packet may contain, leaving ~80 characters for the parent folder. */
export const RELATIVE_PATH_BUDGET = 180;

/** Longest single name we produce, in characters; also keeps UTF-8 names under the 255-byte limit of ext4/APFS. */
export const NAME_MAX_CHARS = 80;

const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};

// Device names Windows reserves in every folder, whatever the extension (CON.txt, com1.tar.gz …).
// The superscript digits are reserved too since they fold to 1–3 in some code pages.
const RESERVED_STEM = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function stemOf(name: string): string {
  const dot = name.indexOf('.');
  return (dot === -1 ? name : name.slice(0, dot)).trimEnd();
}

function truncateKeepingExtension(name: string, maxChars: number): string {
  const chars = Array.from(name);
  if (chars.length <= maxChars) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = Array.from(extension ? name.slice(0, dot) : name);
  const keep = Math.max(1, maxChars - Array.from(extension).length);
  return stem.slice(0, keep).join('').trimEnd() + extension;
}

/**
 * A name that is valid on Windows, macOS and Linux. Forbidden characters become full-width twins, control
 * characters and surrounding blanks go, a trailing dot or space is dropped, a reserved device name gets a `_`
 * prefix, and the name is cut to `maxChars` keeping its extension.
 */
export function safeFileName(name: string, maxChars = NAME_MAX_CHARS): string {
  let safe = name
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c] ?? '_')
    .replace(/\s+/g, ' ')
    .trim();
  safe = truncateKeepingExtension(safe, maxChars);
  safe = safe.replace(/[. ]+$/, '');
  if (safe === '') safe = '_';
  if (RESERVED_STEM.test(stemOf(safe))) safe = `_${safe}`;
  return safe;
}

/** Why a name is not safe, or null when it is. Used by tests and as a last check before anything is written. */
export function unsafeNameReason(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return 'empty or a dot name';
  if (HAS_CONTROL.test(name)) return 'control character';
  if (/[<>:"/\\|?*]/.test(name)) return 'character Windows forbids';
  if (/[. ]$/.test(name)) return 'ends with a dot or space';
  if (RESERVED_STEM.test(stemOf(name))) return 'reserved device name';
  if (Array.from(name).length > NAME_MAX_CHARS) return 'too long';
  if (new TextEncoder().encode(name).length > 255) return 'over 255 bytes';
  return null;
}

/** Checks every segment of a `/`-separated relative path and its total length against the budget. */
export function unsafePathReason(relativePath: string, budget = RELATIVE_PATH_BUDGET): string | null {
  if (relativePath.length > budget) return `path longer than ${budget} characters`;
  for (const segment of relativePath.split('/')) {
    const reason = unsafeNameReason(segment);
    if (reason) return `${segment}: ${reason}`;
  }
  return null;
}

/**
 * Makes names unique within one folder, Windows-style (case-insensitive): the second `营业执照.jpg` becomes
 * `营业执照 (2).jpg`.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const dot = name.lastIndexOf('.');
      candidate = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** `yyyy-mm-dd` of an instant in UTC+8, the date a Chinese reviewer sees on the calendar. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `yyyymmdd` of {@link chinaDate}. */
export function chinaDateStamp(now: Date): string {
  return chinaDate(now).replaceAll('-', '');
}

/** `<case>-<pathway>-<yyyymmdd>`, safe on every OS, short enough to leave room for the files inside. */
export function packetFolderName(caseName: string, pathway: string, now: Date): string {
  const caseNamePart = safeFileName(caseName, 48).replace(/\.+$/, '');
  return safeFileName(`${caseNamePart}-${safeFileName(pathway, 24)}-${chinaDateStamp(now)}`, 90);
}
