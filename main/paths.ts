/** Where the app's files are, in a packaged app and in a development checkout (`electron .`). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppLocation {
  /** app.getAppPath(): the repo root in development, resources/app.asar when packaged. */
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
}

export interface AppPaths {
  preload: string;
  rendererIndex: string;
  /** The popover's URL, which the IPC sender guard compares against. */
  rendererUrl: string;
  assets: string;
}

export function resolveAppPaths(loc: AppLocation): AppPaths {
  const rendererIndex = join(loc.appPath, 'dist', 'renderer', 'index.html');
  return {
    preload: join(loc.appPath, 'dist', 'preload', 'index.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    // Icons ship as plain files beside app.asar (electron-builder extraResources).
    assets: loc.isPackaged ? join(loc.resourcesPath, 'assets') : join(loc.appPath, 'assets'),
  };
}
