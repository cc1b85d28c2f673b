import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import {
  buildMenuTemplate,
  menuLabelsFor,
  menuLabelsSchema,
  MIIT_FILING_SYSTEM_URL,
  recentFileLabels,
  type MenuActions,
  type MenuState,
} from '../../electron/menu';

type Item = MenuItemConstructorOptions;

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);

/** Every item of the template, depth first. */
function allItems(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...allItems(submenu(item))]);
}

function build(
  language: 'en' | 'zh-CN',
  platform: NodeJS.Platform,
  isPackaged = true,
  state: MenuState = { caseOpen: false, recentFiles: [] },
) {
  const actions: MenuActions = {
    send: vi.fn(),
    openExternal: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    showLog: vi.fn(),
  };
  const labels = menuLabelsFor(language, 'ICP Packet Studio');
  const template = buildMenuTemplate(labels, platform, isPackaged, actions, state);
  const byLabel = (label: string) => allItems(template).find((item) => item.label === label);
  const click = (label: string) => (byLabel(label)?.click as (() => void) | undefined)?.();
  return { template, labels, actions, byLabel, click };
}

describe('menu labels', () => {
  it('both locale files carry every menu label', () => {
    expect(() => menuLabelsSchema.parse(en.menu)).not.toThrow();
    expect(() => menuLabelsSchema.parse(zhCN.menu)).not.toThrow();
  });

  it('fills the app name into the labels that use it', () => {
    expect(menuLabelsFor('en', 'ICP Packet Studio').about).toBe('About ICP Packet Studio');
    expect(menuLabelsFor('zh-CN', 'ICP Packet Studio').quit).toBe('退出 ICP Packet Studio');
  });

  it('Chinese labels are Chinese, not copies of the English ones', () => {
    const english = menuLabelsFor('en', 'X');
    const chinese = menuLabelsFor('zh-CN', 'X');
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect(chinese[key], key).not.toBe(english[key]);
      expect(chinese[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe.each(['en', 'zh-CN'] as const)('menu in %s', (language) => {
  it('Windows: File, Edit, View, Help, with the case commands, settings and exit in File', () => {
    const { template, labels } = build(language, 'win32');
    expect(template.map((m) => m.label)).toEqual([labels.file, labels.edit, labels.view, labels.help]);
    const file = submenu(template[0]).map((i) => i.label ?? i.type);
    expect(file).toEqual([
      labels.newCase,
      labels.importCase,
      labels.openRecent,
      'separator',
      labels.exportCase,
      'separator',
      labels.closeCase,
      labels.goHome,
      'separator',
      labels.settings,
      'separator',
      labels.exit,
    ]);
    expect(submenu(template[0]).at(-1)?.role).toBe('quit');
    // About lives in Help on Windows.
    expect(submenu(template[3]).map((i) => i.label)).toContain(labels.about);
  });

  it('macOS: the app menu first, holding About, Settings and Quit', () => {
    const { template, labels } = build(language, 'darwin');
    expect(template).toHaveLength(5);
    expect(template[0]?.role).toBe('appMenu');
    expect(template.slice(1).map((m) => m.label)).toEqual([
      labels.file,
      labels.edit,
      labels.view,
      labels.help,
    ]);
    const appItems = submenu(template[0]);
    expect(appItems.map((i) => i.label).filter(Boolean)).toEqual([
      labels.about,
      labels.settings,
      labels.services,
      labels.hide,
      labels.hideOthers,
      labels.showAll,
      labels.quit,
    ]);
    expect(appItems.map((i) => i.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(submenu(template[1]).map((i) => i.label ?? i.type)).toEqual([
      labels.newCase,
      labels.importCase,
      labels.openRecent,
      'separator',
      labels.exportCase,
      'separator',
      labels.closeCase,
      labels.goHome,
      'separator',
      labels.closeWindow,
    ]);
    expect(submenu(template[1]).at(-1)).toMatchObject({ role: 'close', label: labels.closeWindow });
    expect(submenu(template[4]).map((i) => i.label)).not.toContain(labels.about);
  });

  it.each(['win32', 'darwin'] as const)('%s: every visible item has a label in this language', (platform) => {
    const { template, labels } = build(language, platform);
    const known = new Set<string>(Object.values(labels));
    for (const item of allItems(template)) {
      if (item.type === 'separator' || item.role === 'appMenu') continue;
      expect(known.has(item.label ?? ''), JSON.stringify(item)).toBe(true);
    }
  });
});

describe('accelerators and roles', () => {
  it.each(['win32', 'darwin'] as const)('%s: new case and settings use CmdOrCtrl shortcuts', (platform) => {
    const { byLabel, labels } = build('en', platform);
    expect(byLabel(labels.newCase)?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(labels.settings)?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('Edit uses the standard roles, with paste-and-match-style on macOS only', () => {
    const roles = (platform: NodeJS.Platform) =>
      submenu(build('en', platform).template.find((m) => m.label === 'Edit'))
        .map((i) => i.role)
        .filter(Boolean);
    expect(roles('win32')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles('darwin')).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
  });

  it('View has reload, zoom and full screen; developer tools only when not packaged', () => {
    const viewRoles = (isPackaged: boolean) =>
      submenu(build('en', 'win32', isPackaged).template.find((m) => m.label === 'View'))
        .map((i) => i.role)
        .filter(Boolean);
    expect(viewRoles(true)).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(viewRoles(false)).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});

describe('menu actions', () => {
  it.each(['win32', 'darwin'] as const)('%s: commands reach the renderer as menu commands', (platform) => {
    const { click, labels, actions } = build('zh-CN', platform);
    click(labels.newCase);
    click(labels.goHome);
    click(labels.settings);
    click(labels.about);
    expect(vi.mocked(actions.send).mock.calls).toEqual([
      ['newCase'],
      ['goHome'],
      ['openSettings'],
      ['showAbout'],
    ]);
    expect(actions.openExternal).not.toHaveBeenCalled();
  });

  it('Help opens the MIIT filing system in the browser, through the allow-check', () => {
    const { click, labels, actions } = build('en', 'win32');
    click(labels.filingSystem);
    expect(MIIT_FILING_SYSTEM_URL).toBe('https://beian.miit.gov.cn/');
    expect(vi.mocked(actions.openExternal).mock.calls).toEqual([[MIIT_FILING_SYSTEM_URL]]);
    expect(actions.send).not.toHaveBeenCalled();
  });
});

describe.each(['en', 'zh-CN'] as const)('File menu conventions in %s', (language) => {
  it.each(['win32', 'darwin'] as const)(
    '%s: the case commands with the platform accelerators',
    (platform) => {
      const { byLabel, labels } = build(language, platform, true, { caseOpen: true, recentFiles: [] });
      expect(byLabel(labels.newCase)?.accelerator).toBe('CmdOrCtrl+N');
      expect(byLabel(labels.importCase)?.accelerator).toBe('CmdOrCtrl+O');
      expect(byLabel(labels.exportCase)?.accelerator).toBe('CmdOrCtrl+Shift+E');
      // Ctrl+W / ⌘W closes the case, not the app or the window, on both platforms.
      expect(byLabel(labels.closeCase)?.accelerator).toBe('CmdOrCtrl+W');
      expect(byLabel(labels.closeCase)?.role).toBeUndefined();
      if (platform === 'darwin') expect(byLabel(labels.closeWindow)?.accelerator).toBe('Cmd+Shift+W');
    },
  );

  it.each(['win32', 'darwin'] as const)('%s: no two items share an accelerator', (platform) => {
    const { template } = build(language, platform, false, { caseOpen: true, recentFiles: ['/a.icpcase'] });
    const mac = platform === 'darwin';
    // What Electron gives a role item without an accelerator of its own (lib/browser/api/menu-item-roles.ts).
    const roleDefaults: Partial<Record<string, string>> = {
      close: 'CmdOrCtrl+W',
      quit: mac ? 'CmdOrCtrl+Q' : undefined,
      undo: 'CmdOrCtrl+Z',
      redo: mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y',
      cut: 'CmdOrCtrl+X',
      copy: 'CmdOrCtrl+C',
      paste: 'CmdOrCtrl+V',
      selectAll: 'CmdOrCtrl+A',
      reload: 'CmdOrCtrl+R',
      toggleDevTools: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
      resetZoom: 'CmdOrCtrl+0',
      zoomIn: 'CmdOrCtrl+Plus',
      zoomOut: 'CmdOrCtrl+-',
      togglefullscreen: mac ? 'Ctrl+Cmd+F' : 'F11',
      hide: 'Cmd+H',
      hideOthers: 'Cmd+Alt+H',
    };
    const accelerators = allItems(template)
      .map((item) => item.accelerator?.toString() ?? (item.role ? roleDefaults[item.role] : undefined))
      .filter((a): a is string => a !== undefined)
      .map((a) => a.replace('CmdOrCtrl', mac ? 'Cmd' : 'Ctrl'));
    expect(accelerators.length).toBeGreaterThan(4);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('Export case and Close case apply to an open case only', () => {
    const closed = build(language, 'win32');
    expect(closed.byLabel(closed.labels.exportCase)?.enabled).toBe(false);
    expect(closed.byLabel(closed.labels.closeCase)?.enabled).toBe(false);
    const open = build(language, 'win32', true, { caseOpen: true, recentFiles: [] });
    expect(open.byLabel(open.labels.exportCase)?.enabled).toBe(true);
    expect(open.byLabel(open.labels.closeCase)?.enabled).toBe(true);
    open.click(open.labels.importCase);
    open.click(open.labels.exportCase);
    open.click(open.labels.closeCase);
    expect(vi.mocked(open.actions.send).mock.calls).toEqual([['importCase'], ['exportCase'], ['closeCase']]);
  });

  it('Open Recent lists the files newest first, opens one, and can be cleared', () => {
    const files = ['/Users/me/Documents/Acme shop.icpcase', '/Users/me/Desktop/Globex.icpcase'];
    const { byLabel, labels, click, actions } = build(language, 'darwin', true, {
      caseOpen: false,
      recentFiles: files,
    });
    const recent = submenu(byLabel(labels.openRecent));
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      'Acme shop.icpcase',
      'Globex.icpcase',
      'separator',
      labels.clearRecent,
    ]);
    click('Globex.icpcase');
    click(labels.clearRecent);
    expect(vi.mocked(actions.openRecent).mock.calls).toEqual([[files[1]]]);
    expect(actions.clearRecent).toHaveBeenCalledOnce();
    expect(actions.send).not.toHaveBeenCalled();
  });

  it('an empty Open Recent says so, greyed out', () => {
    const { byLabel, labels } = build(language, 'win32');
    expect(submenu(byLabel(labels.openRecent))).toEqual([{ label: labels.noRecent, enabled: false }]);
  });

  it.each(['win32', 'darwin'] as const)('%s: Help → Show Log File reveals the log', (platform) => {
    const { click, labels, actions } = build(language, platform);
    click(labels.showLog);
    expect(actions.showLog).toHaveBeenCalledOnce();
    expect(actions.send).not.toHaveBeenCalled();
  });
});

describe('Open Recent labels', () => {
  it('name files by their name, with the folder where two share one', () => {
    expect(
      recentFileLabels(['/a/x/Acme.icpcase', '/a/y/acme.icpcase', '/a/Globex.icpcase'], 'darwin'),
    ).toEqual(['Acme.icpcase — x', 'acme.icpcase — y', 'Globex.icpcase']);
  });

  it('on Windows read Windows paths and double a literal & (a menu mnemonic there)', () => {
    expect(recentFileLabels(['C:\\Users\\me\\R&D\\Tom & Jerry.icpcase'], 'win32')).toEqual([
      'Tom && Jerry.icpcase',
    ]);
  });
});
