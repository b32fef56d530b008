/**
 * Windows shows a toast only for an app whose AppUserModelID matches a Start-menu shortcut;
 * electron-builder's NSIS installer stamps the shortcut with `appId` (electron-builder.yml),
 * so main sets the same ID (app.setAppUserModelId). A test keeps the two equal.
 */
export const APP_USER_MODEL_ID = 'com.elevate.tray';
