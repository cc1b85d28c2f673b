/**
 * The native menu: File, Edit, View, Help (plus the app menu on macOS) with each platform's accelerators.
 * Labels come from locales/<lang>.json under `menu`, the same files the renderer reads, so the menu follows the
 * language setting. The template is built by a pure function; main only hands it to Menu.buildFromTemplate.
 *
 * File follows the document conventions of both platforms: New (Ctrl/⌘+N), Open (Ctrl/⌘+O), Open Recent,
 * Export (Ctrl/⌘+Shift+E, the export shortcut of Figma, Sketch and Lightroom), and Close (Ctrl/⌘+W), which
 * closes the open case, not the window — on macOS the window closes with ⌘+Shift+W, as in Safari or VS Code.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { z } from 'zod';
import type { Language } from '../core/i18n/language';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import type { MenuCommand } from './contract';
import { isAllowedExternalUrl } from './external-links';

/** MIIT's ICP filing system, where the user submits what the app prepares. */
export const MIIT_FILING_SYSTEM_URL = 'https://beian.miit.gov.cn/';

const label = z.string().trim().min(1);

export const menuLabelsSchema = z.strictObject({
  file: label,
  edit: label,
  view: label,
  help: label,
  newCase: label,
  importCase: label,
  openRecent: label,
  clearRecent: label,
  noRecent: label,
  exportCase: label,
  closeCase: label,
  goHome: label,
  settings: label,
  closeWindow: label,
  exit: label,
  about: label,
  services: label,
  hide: label,
  hideOthers: label,
  showAll: label,
  quit: label,
  undo: label,
  redo: label,
  cut: label,
  copy: label,
  paste: label,
  pasteAndMatchStyle: label,
  delete: label,
  selectAll: label,
  reload: label,
  toggleDevTools: label,
  resetZoom: label,
  zoomIn: label,
  zoomOut: label,
  toggleFullScreen: label,
  filingSystem: label,
  showLog: label,
});

export type MenuLabels = z.infer<typeof menuLabelsSchema>;

const LOCALE_MENUS: Record<Language, unknown> = { en: en.menu, 'zh-CN': zhCN.menu };

/** The menu labels of `language` with `{{appName}}` filled in; throws if the locale file lacks a label. */
export function menuLabelsFor(language: Language, appName: string): MenuLabels {
  const labels = menuLabelsSchema.parse(LOCALE_MENUS[language]);
  const filled = Object.entries(labels).map(([key, text]) => [key, text.replaceAll('{{appName}}', appName)]);
  return Object.fromEntries(filled) as MenuLabels;
}

export interface MenuActions {
  /** Sends a `menu:command` event to the renderer. */
  send: (command: MenuCommand) => void;
  /** Opens a URL in the user's browser; only called with URLs that passed the allow-check. */
  openExternal: (url: string) => void;
  /** Imports a file of Open Recent (main checks it again: it may have gone since the menu was built). */
  openRecent: (file: string) => void;
  clearRecent: () => void;
  /** Reveals the log file in Explorer / Finder. */
  showLog: () => void;
}

/** What the menu shows beyond its fixed items. */
export interface MenuState {
  /** A case is open: Export case and Close case apply to it. */
  caseOpen: boolean;
  /** Open Recent, newest first (electron/recent-files.ts). */
  recentFiles: readonly string[];
}

const NO_STATE: MenuState = { caseOpen: false, recentFiles: [] };

/**
 * The Open Recent labels: each file's name, with its folder's name where two files share a name. On
 * Windows `&` marks a menu mnemonic, so a literal one is doubled.
 */
export function recentFileLabels(files: readonly string[], platform: NodeJS.Platform): string[] {
  const base = (file: string) => (platform === 'win32' ? path.win32 : path.posix).basename(file);
  const parent = (file: string) =>
    (platform === 'win32' ? path.win32 : path.posix).basename(
      (platform === 'win32' ? path.win32 : path.posix).dirname(file),
    );
  return files.map((file) => {
    const name = base(file);
    const shared = files.filter((other) => base(other).toLowerCase() === name.toLowerCase()).length > 1;
    const text = shared ? `${name} — ${parent(file)}` : name;
    return platform === 'win32' ? text.replaceAll('&', '&&') : text;
  });
}

function openIfAllowed(url: string, actions: MenuActions): void {
  // Not Electron's shell: the injected opener, which main allow-checks again before calling shell.
  if (isAllowedExternalUrl(url)) actions.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

export function buildMenuTemplate(
  labels: MenuLabels,
  platform: NodeJS.Platform,
  isPackaged: boolean,
  actions: MenuActions,
  state: MenuState = NO_STATE,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const command = (
    itemLabel: string,
    name: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    // The command names the item (Menu.getMenuItemById; the e2e clicks items by it).
    id: name,
    label: itemLabel,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(name),
  });
  const settings = command(labels.settings, 'openSettings', 'CmdOrCtrl+,');
  const about = command(labels.about, 'showAbout');

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services', label: labels.services },
      separator,
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      separator,
      { role: 'quit', label: labels.quit },
    ],
  };

  const recentLabels = recentFileLabels(state.recentFiles, platform);
  const openRecent: MenuItemConstructorOptions = {
    label: labels.openRecent,
    submenu:
      state.recentFiles.length === 0
        ? [{ label: labels.noRecent, enabled: false }]
        : [
            ...state.recentFiles.map((file, i) => ({
              label: recentLabels[i] ?? file,
              click: () => actions.openRecent(file),
            })),
            separator,
            { label: labels.clearRecent, click: () => actions.clearRecent() },
          ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command(labels.newCase, 'newCase', 'CmdOrCtrl+N'),
      command(labels.importCase, 'importCase', 'CmdOrCtrl+O'),
      openRecent,
      separator,
      { ...command(labels.exportCase, 'exportCase', 'CmdOrCtrl+Shift+E'), enabled: state.caseOpen },
      separator,
      { ...command(labels.closeCase, 'closeCase', 'CmdOrCtrl+W'), enabled: state.caseOpen },
      command(labels.goHome, 'goHome'),
      separator,
      ...(mac
        ? [{ role: 'close', label: labels.closeWindow, accelerator: 'Cmd+Shift+W' } as const]
        : [settings, separator, { role: 'quit', label: labels.exit } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      separator,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: labels.pasteAndMatchStyle } as const] : []),
      { role: 'delete', label: labels.delete },
      separator,
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { role: 'reload', label: labels.reload },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: labels.toggleDevTools } as const]),
      separator,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      separator,
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: labels.help,
    submenu: [
      { label: labels.filingSystem, click: () => openIfAllowed(MIIT_FILING_SYSTEM_URL, actions) },
      separator,
      { label: labels.showLog, click: () => actions.showLog() },
      ...(mac ? [] : [separator, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}
