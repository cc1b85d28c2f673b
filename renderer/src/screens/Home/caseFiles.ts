/**
 * Case files (`.icpcase`) reaching Home from outside it: File → Open / Import, File → Export, a file the OS
 * opened with the app or the user picked in Open Recent (an import token from main), and a file dropped on
 * the window. App queues them as Home requests; Home runs each through its one import (or export) flow, with
 * the same passphrase prompt and messages as its own buttons.
 */

/**
 * The most an `.icpcase` may weigh: host/store/icpcase.ts `ICPCASE_LIMITS.maxTotalBytes`, which main enforces
 * (test/renderer/case-files.test.ts checks the two agree). A bigger dropped file is refused before it is read.
 */
export const MAX_CASE_FILE_BYTES = 1024 * 1024 * 1024;

export const CASE_FILE_EXTENSION = '.icpcase';

/** Where the case file to import comes from; the renderer never names a path. */
export type ImportSource =
  | { kind: 'dialog' }
  | { kind: 'token'; token: string }
  | { kind: 'file'; fileName: string; bytes: Uint8Array };

export type HomeRequest = { id: number } & (
  { kind: 'import'; source: ImportSource } | { kind: 'export'; caseId: string }
);

export function isCaseFileName(name: string): boolean {
  return name.toLowerCase().endsWith(CASE_FILE_EXTENSION);
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Lets a file be dropped anywhere on the window: an `.icpcase` goes to `onCaseFile`, anything else to
 * `onOtherFile` (the user is told what can be dropped here). A drop that a checklist item's own drop zone
 * took (it cancels the event's default action) is left to it. Returns the function that removes the hooks.
 */
export function installCaseFileDrop(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  handlers: { onCaseFile: (file: File) => void; onOtherFile: () => void },
): () => void {
  const over = (event: DragEvent) => {
    if (event.defaultPrevented || !carriesFiles(event)) return;
    // Without this the window refuses the drop (and Chromium would try to open the file).
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEvent) => {
    if (event.defaultPrevented || !carriesFiles(event)) return;
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    const cases = files.filter((file) => isCaseFileName(file.name));
    for (const file of cases) handlers.onCaseFile(file);
    if (cases.length < files.length) handlers.onOtherFile();
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
