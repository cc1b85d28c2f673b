import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { BUNDLED_RULE_PACK_INFO, installRulePack } from '../../../core/rules/pack';
import type { RulesStatus } from '../../../electron/contract';

interface RulesState {
  status: RulesStatus;
  /** Puts the pack main reports in use here too (the renderer's core reads the same rules as main's). */
  apply: (status: RulesStatus) => void;
}

const RulesContext = createContext<RulesState | null>(null);

export const BUNDLED_RULES_STATUS: RulesStatus = {
  active: BUNDLED_RULE_PACK_INFO,
  bundled: BUNDLED_RULE_PACK_INFO,
};

/**
 * The rule pack in use, for Settings → Rules and the rule-age notices. main.tsx installs the imported pack
 * before the first frame; an import or a return to the bundled pack later goes through `apply`.
 */
export function RulesProvider({ initial, children }: { initial?: RulesStatus; children: ReactNode }) {
  const [status, setStatus] = useState<RulesStatus>(initial ?? BUNDLED_RULES_STATUS);
  const apply = useCallback((next: RulesStatus) => {
    installRulePack(next.content ?? null);
    setStatus(next);
  }, []);
  const value = useMemo(() => ({ status, apply }), [status, apply]);
  return <RulesContext.Provider value={value}>{children}</RulesContext.Provider>;
}

export function useRules(): RulesState {
  const rules = useContext(RulesContext);
  if (rules === null) throw new Error('useRules() needs a <RulesProvider> above it');
  return rules;
}
