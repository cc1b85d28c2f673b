/**
 * The native dialogs of the packet export, attached to the main window: the folder picker (the only source
 * of the output path — the renderer never sends one), the confirmation before an existing packet is
 * replaced, and "Show in folder". Text comes from locales/<lang>.json `packetExport`, like the menu's.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, Shell } from 'electron';
import type { Language } from '../../core/i18n/language';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { PacketDeps } from '../ipc/deps';

const TEXT = { en: en.packetExport, 'zh-CN': zhCN.packetExport } as const;

export function packetDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>,
  shell: Pick<Shell, 'showItemInFolder'>,
  parent: () => BrowserWindow | null,
  language: () => Language,
  documentsDir: string,
): Required<Pick<PacketDeps, 'showPacketFolderDialog' | 'confirmReplacePacket' | 'showItemInFolder'>> {
  return {
    showPacketFolderDialog: async () => {
      const options: OpenDialogOptions = {
        title: TEXT[language()].chooseFolder,
        defaultPath: documentsDir,
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = parent();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    confirmReplacePacket: async (existingPath) => {
      const text = TEXT[language()];
      const options: MessageBoxOptions = {
        type: 'warning',
        message: text.replaceMessage,
        detail: text.replaceDetail.replace('{{path}}', existingPath),
        buttons: [text.replace, text.cancel],
        defaultId: 1,
        cancelId: 1,
      };
      const window = parent();
      const result = window
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
      return result.response === 0;
    },
    showItemInFolder: (target) => shell.showItemInFolder(target),
  };
}
