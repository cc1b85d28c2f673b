import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ErrorCode, Result } from '../../../electron/contract';

export type NoticeDetails = Record<string, string | number | boolean>;

export interface Notice {
  id: number;
  code: ErrorCode;
  /** What main said about the failure (e.g. a size limit); the message may interpolate it. */
  details?: NoticeDetails;
}

interface NoticesValue {
  notices: readonly Notice[];
  reportError: (code: ErrorCode, details?: NoticeDetails) => void;
  dismiss: (id: number) => void;
}

const NoticesContext = createContext<NoticesValue | null>(null);

export function NoticesProvider({
  initialErrors = [],
  children,
}: {
  initialErrors?: readonly ErrorCode[];
  children: ReactNode;
}) {
  const nextId = useRef(initialErrors.length);
  const [notices, setNotices] = useState<readonly Notice[]>(() =>
    initialErrors.map((code, index) => ({ id: index, code })),
  );

  const reportError = useCallback((code: ErrorCode, details?: NoticeDetails) => {
    // The same failure twice in a row (a user retrying) shows one message, not a growing stack.
    setNotices((current) =>
      current.some((notice) => notice.code === code)
        ? current
        : [...current, { id: nextId.current++, code, details }],
    );
  }, []);

  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const value = useMemo(() => ({ notices, reportError, dismiss }), [notices, reportError, dismiss]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesValue {
  const value = useContext(NoticesContext);
  if (value === null) throw new Error('useNotices() needs a <NoticesProvider> above it');
  return value;
}

/**
 * Unwraps a call to main: the value on success; on `{ ok: false, code }` the user sees `errors.<code>` and
 * the caller gets undefined. A rejected promise (the bridge itself failed) is shown as `internal`.
 */
export function useApiCall(): <T>(pending: Promise<Result<T>>) => Promise<T | undefined> {
  const { reportError } = useNotices();
  return useCallback(
    async <T,>(pending: Promise<Result<T>>): Promise<T | undefined> => {
      let result: Result<T>;
      try {
        result = await pending;
      } catch {
        reportError('internal');
        return undefined;
      }
      if (result.ok) return result.value;
      reportError(result.code, result.details);
      return undefined;
    },
    [reportError],
  );
}
