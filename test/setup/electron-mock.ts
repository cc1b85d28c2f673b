// Electron cannot be loaded on the test machines (its binary downloads on first import), so every test
// that reaches Electron glue gets this mock. Modules under test should take Electron objects as arguments.
import { vi } from 'vitest';

vi.mock('electron', () => ({
  app: {
    getPath: vi.fn(() => '/tmp/icp-packet-test'),
    getVersion: vi.fn(() => '0.0.0-test'),
    getLocale: vi.fn(() => 'en-US'),
  },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
  BrowserWindow: vi.fn(),
  Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
  session: { defaultSession: {} },
  safeStorage: {
    isAsyncEncryptionAvailable: vi.fn(async () => false),
    encryptStringAsync: vi.fn(),
    decryptStringAsync: vi.fn(),
    getSelectedStorageBackend: vi.fn(() => 'unknown'),
  },
}));
