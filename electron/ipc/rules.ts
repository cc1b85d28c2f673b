/**
 * Rule packs in the app (Settings → Rules): which pack is in use, importing a newer signed pack from a file,
 * and going back to the bundled one. The imported pack lives in the user-data folder (host/rules/pack-store);
 * main installs it into its own core (the packet, the reminders and the documents read the same rules as the
 * screen), and hands its rule files to the renderer, which installs them into its core.
 *
 * The imported pack is read once, when the handlers are created: the renderer asks for `rules:status` before
 * its first frame, and every later change goes through `rules:import` / `rules:useBundled`.
 */
import { z } from 'zod';
import {
  BUNDLED_RULE_PACK_INFO,
  installRulePack,
  type RulePackContent,
  type RulePackInfo,
  type RulePackRefusal,
} from '../../core/rules/pack';
import { importRulePack, readImportedPack, removeImportedPack } from '../../host/rules/pack-store';
import { TRUSTED_RULE_PACK_KEYS } from '../../host/rules/trusted-keys';
import type { ErrorCode, HandlerMap, RulesStatus } from '../contract';
import type { HandlerDeps } from './deps';
import { HandlerError, handle } from './result';

const REFUSAL_CODES: Record<RulePackRefusal | 'notNewer', ErrorCode> = {
  notRulePack: 'rulePackNotRulePack',
  unsigned: 'rulePackUnsigned',
  unknownKey: 'rulePackUnknownKey',
  tampered: 'rulePackTampered',
  unreadable: 'rulePackUnreadable',
  notNewer: 'rulePackNotNewer',
};

interface State {
  active: RulePackInfo;
  content?: RulePackContent;
  importedProblem?: RulePackRefusal;
}

function statusOf(state: State): RulesStatus {
  return {
    active: state.active,
    bundled: BUNDLED_RULE_PACK_INFO,
    ...(state.importedProblem ? { importedProblem: state.importedProblem } : {}),
    ...(state.content ? { content: state.content } : {}),
  };
}

export function createRulesHandlers(
  deps: HandlerDeps,
): Pick<HandlerMap, 'rules:status' | 'rules:import' | 'rules:useBundled'> {
  const trustedKeys = deps.trustedRulePackKeys ?? TRUSTED_RULE_PACK_KEYS;

  const useBundled = (problem?: RulePackRefusal): State => {
    installRulePack(null);
    return { active: BUNDLED_RULE_PACK_INFO, ...(problem ? { importedProblem: problem } : {}) };
  };

  // The newer of the bundled pack and the imported one; an imported file that no longer verifies is ignored
  // (and reported), never half-used.
  const loading: Promise<State> = readImportedPack(deps.userDataDir, trustedKeys).then(
    (stored) => {
      if (stored.kind === 'invalid') return useBundled(stored.reason);
      if (stored.kind === 'ok' && stored.info.version > BUNDLED_RULE_PACK_INFO.version) {
        return { active: installRulePack(stored.content), content: stored.content };
      }
      return useBundled();
    },
    () => useBundled(),
  );
  let current = loading;

  return {
    'rules:status': handle(z.undefined(), async () => statusOf(await current)),
    'rules:import': handle(z.undefined(), async () => {
      const state = await current;
      if (!deps.showRulePackOpenDialog) throw new HandlerError('internal', { reason: 'noOpenDialog' });
      const file = await deps.showRulePackOpenDialog();
      if (!file) return { imported: false as const };
      const result = await importRulePack(file, deps.userDataDir, { installed: state.active, trustedKeys });
      if (!result.ok) {
        throw new HandlerError(REFUSAL_CODES[result.reason], {
          version: state.active.version,
          asOf: state.active.asOf,
          reviewBy: state.active.reviewBy,
        });
      }
      const next: State = { active: installRulePack(result.content), content: result.content };
      current = Promise.resolve(next);
      return { imported: true as const, status: statusOf(next) };
    }),
    'rules:useBundled': handle(z.undefined(), async () => {
      await current;
      await removeImportedPack(deps.userDataDir);
      const next = useBundled();
      current = Promise.resolve(next);
      return statusOf(next);
    }),
  };
}
