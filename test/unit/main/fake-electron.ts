/**
 * A recording stand-in for the `electron` module (the binary cannot run here), used with
 * vi.mock('electron', ...) to check how the thin adapters drive Electron's API.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Call {
  target: string;
  method: string;
  args: unknown[];
}
export const calls: Call[] = [];
export function resetCalls(): void {
  calls.length = 0;
}
function record(target: string, method: string, args: unknown[]): void {
  calls.push({ target, method, args });
}
export function callsTo(target: string, method?: string): Call[] {
  return calls.filter((c) => c.target === target && (method === undefined || c.method === method));
}

export class FakeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(on: boolean): void {
    this.template = on;
  }
}
export const nativeImage = {
  createFromPath(path: string): FakeImage {
    record('nativeImage', 'createFromPath', [path]);
    return new FakeImage(path);
  },
};

export const Menu = {
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    record('Menu', 'buildFromTemplate', [template]);
    return { template };
  },
};

export class Tray extends EventEmitter {
  constructor(readonly image: unknown) {
    super();
  }
  setImage(image: unknown): void {
    record('tray', 'setImage', [image]);
  }
  setTitle(title: string, options?: unknown): void {
    record('tray', 'setTitle', [title, options]);
  }
  setToolTip(tip: string): void {
    record('tray', 'setToolTip', [tip]);
  }
  setContextMenu(menu: unknown): void {
    record('tray', 'setContextMenu', [menu]);
  }
  popUpContextMenu(menu?: unknown): void {
    record('tray', 'popUpContextMenu', [menu]);
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 1000, y: 0, width: 22, height: 22 };
  }
}

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  headersReceived: Handler | null = null;
  readonly webRequest = {
    onHeadersReceived: (h: Handler): void => {
      this.headersReceived = h;
    },
  };
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheckHandler = h;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly mainFrame = { url: 'file:///popover/index.html', routingId: 1, processId: 1 };
  windowOpenHandler: Handler | null = null;
  setWindowOpenHandler(h: Handler): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    record('webContents', 'send', [channel, ...args]);
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  visible = false;
  isDestroyed(): boolean {
    return false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.visible = true;
    record('window', 'show', []);
  }
  focus(): void {}
  setPosition(x: number, y: number): void {
    record('window', 'setPosition', [x, y]);
  }
  private contentSize: [number, number] | null = null;
  getContentSize(): [number, number] {
    return this.contentSize ?? [Number(this.options.width), Number(this.options.height)];
  }
  setContentSize(width: number, height: number): void {
    this.contentSize = [width, height];
    record('window', 'setContentSize', [width, height]);
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    const [width, height] = this.getContentSize();
    return { x: 0, y: 0, width, height };
  }
  loadFile(file: string): Promise<void> {
    this.loaded = file;
    return Promise.resolve();
  }
  hide(): void {
    this.visible = false;
    record('window', 'hide', []);
  }
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    record('ipcMain', 'removeHandler', [channel]);
    this.handlers.delete(channel);
  },
  removeAllListeners(channel: string): void {
    record('ipcMain', 'removeAllListeners', [channel]);
  },
};

export class Notification extends EventEmitter {
  static supported = true;
  /** The most recently created notification, for tests that click it. */
  static last: Notification | null = null;
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
    Notification.last = this;
  }
  show(): void {
    record('notification', 'show', [this.options]);
  }
}

/** The parts of `app` the composition root uses; appPath is set by the test. */
class FakeApp extends EventEmitter {
  appPath = process.cwd();
  isPackaged = false;
  loginItem = { openAtLogin: false };
  dock = { hide: (): void => record('app', 'dock.hide', []) };
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    record('app', 'quit', []);
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getAppPath(): string {
    return this.appPath;
  }
  /** A per-process temp folder for 'userData' (main/index.ts keeps the login choice there). */
  getPath(name: string): string {
    return join(tmpdir(), `elevate-fake-${name}-${process.pid}`);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  /** What the OS says about languages; a test sets them to see the tray in German. */
  languages = ['en-US'];
  systemLocale = 'en-US';
  getPreferredSystemLanguages(): string[] {
    return [...this.languages];
  }
  getLocale(): string {
    return this.languages[0] ?? 'en-US';
  }
  getSystemLocale(): string {
    return this.systemLocale;
  }
  setAppUserModelId(id: string): void {
    record('app', 'setAppUserModelId', [id]);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
}
export const app = new FakeApp();

export const dialog = {
  showMessageBox: async (): Promise<{ response: number }> => ({ response: 1 }),
};

export const screen = {
  getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getCursorScreenPoint: () => ({ x: 1900, y: 10 }),
  getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 27, width: 1920, height: 1053 } }),
};

/** Opening a URL in the OS (docs/api/shell.md: resolves once the OS took it). */
export const shell = {
  async openExternal(url: string): Promise<void> {
    record('shell', 'openExternal', [url]);
  },
};

/** Emits what the test emits ('resume', 'unlock-screen', ...). */
export const powerMonitor = new EventEmitter();

/**
 * Touch ID as Electron exposes it (docs/api/system-preferences.md): the test decides whether
 * the Mac can prompt and whether the person passes; every prompt's reason is kept.
 */
export const systemPreferences = {
  touchId: { available: true, passes: true },
  prompts: [] as string[],
  canPromptTouchID(): boolean {
    return this.touchId.available;
  },
  async promptTouchID(reason: string): Promise<void> {
    this.prompts.push(reason);
    if (!this.touchId.passes) throw new Error('User canceled');
  },
};
