/**
 * English and Simplified Chinese carry exactly the same keys and placeholders, no empty text, and every
 * Chinese string is actually translated — except proper names, which are the same in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../electron/contract';

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8')) as Tree;
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; anything but a string or an object is reported as a leaf error. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** Keys whose text is a proper name, identical in every language. */
const SAME_IN_BOTH = new Set(['app.name']);

const en = flatten(load('en'));
const zhCN = flatten(load('zh-CN'));

describe('locales', () => {
  it('have exactly the same keys', () => {
    expect([...zhCN.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('have only non-empty strings as leaves', () => {
    for (const [language, leaves] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      for (const [key, text] of leaves) {
        expect(typeof text, `${language}: ${key}`).toBe('string');
        expect((text as string).trim(), `${language}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders for every key', () => {
    for (const [key, text] of en) {
      expect(placeholders(String(zhCN.get(key) ?? '')), key).toEqual(placeholders(String(text)));
    }
  });

  it('translate every string except proper names', () => {
    const untranslated = [...en].filter(([key, text]) => !SAME_IN_BOTH.has(key) && zhCN.get(key) === text);
    expect(untranslated.map(([key]) => key)).toEqual([]);
    for (const key of SAME_IN_BOTH) expect(zhCN.get(key), key).toBe(en.get(key));
  });

  it('write counted English text with plural forms, never "(s)"', () => {
    expect([...en].filter(([, text]) => String(text).includes('(s)')).map(([key]) => key)).toEqual([]);
    // A plural key has both forms, and the singular really is singular.
    for (const [key, text] of en) {
      if (!key.endsWith('_one')) continue;
      expect(en.has(key.replace(/_one$/, '_other')), key).toBe(true);
      expect(String(text), key).not.toMatch(
        /\{\{count\}\} (?:errors|warnings|files|days|hours|reminders|pages)\b/,
      );
    }
  });

  it('use camelCase keys', () => {
    for (const key of en.keys()) {
      // i18next plural forms keep their suffix: `saved_one`, `saved_other`.
      for (const part of key.split('.')) expect(part, key).toMatch(/^[a-z][a-zA-Z0-9]*(?:_(?:one|other))?$/);
    }
  });

  it('have a message for every error code of the IPC contract', () => {
    // The record type makes a new ErrorCode without an entry here a compile error.
    const codes: Record<ErrorCode, true> = {
      invalidPayload: true,
      untrustedSender: true,
      urlNotAllowed: true,
      notFound: true,
      ioFailed: true,
      diskFull: true,
      internal: true,
      caseDamaged: true,
      caseNewerVersion: true,
      caseInvalid: true,
      wrongPassphrase: true,
      passphraseRequired: true,
      keyUnavailable: true,
      keyringDamaged: true,
      attachmentType: true,
      signedScanRefused: true,
      attachmentTooLarge: true,
      attachmentUnreadable: true,
      attachmentTooManyPixels: true,
      attachmentDamaged: true,
      importUnsafeEntry: true,
      importTooLarge: true,
      importTooManyEntries: true,
      importUnknownVersion: true,
      importInvalid: true,
      preflightErrors: true,
      unacknowledgedWarnings: true,
      notEligible: true,
      noLicence: true,
      attachmentMissing: true,
      attachmentTooSmall: true,
      unsafePath: true,
      exportCancelled: true,
      documentUnprintable: true,
      passphraseTooShort: true,
      unlockLimit: true,
      imageLibraryUnavailable: true,
      notCaseFile: true,
      caseFileMissing: true,
      caseFileUnreadable: true,
      rulePackNotRulePack: true,
      rulePackUnsigned: true,
      rulePackUnknownKey: true,
      rulePackTampered: true,
      rulePackUnreadable: true,
      rulePackNotNewer: true,
      scanUnreadable: true,
      scanUnknownDocument: true,
      scanCancelled: true,
      ocrUnavailable: true,
    };
    const has = (locale: Map<string, unknown>, key: string) =>
      locale.has(key) || (locale.has(`${key}_one`) && locale.has(`${key}_other`));
    for (const code of Object.keys(codes)) {
      expect(has(en, `errors.${code}`), code).toBe(true);
      expect(has(zhCN, `errors.${code}`), code).toBe(true);
    }
  });
});
