import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../main/paths.js';

describe('resolveAppPaths', () => {
  it('finds everything inside app.asar, and the icons beside it, when packaged', () => {
    const p = resolveAppPaths({
      appPath: '/opt/Elevate/resources/app.asar',
      resourcesPath: '/opt/Elevate/resources',
      isPackaged: true,
    });
    expect(p).toEqual({
      preload: '/opt/Elevate/resources/app.asar/dist/preload/index.cjs',
      rendererIndex: '/opt/Elevate/resources/app.asar/dist/renderer/index.html',
      rendererUrl: 'file:///opt/Elevate/resources/app.asar/dist/renderer/index.html',
      assets: '/opt/Elevate/resources/assets',
    });
  });

  it('uses the checkout in development', () => {
    const p = resolveAppPaths({
      appPath: '/work/main',
      resourcesPath: '/work/main/node_modules/electron/dist/resources',
      isPackaged: false,
    });
    expect(p.assets).toBe('/work/main/assets');
    expect(p.rendererUrl).toBe('file:///work/main/dist/renderer/index.html');
  });
});
