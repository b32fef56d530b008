import type { ElevateApi } from '../../preload/api.js';

declare global {
  interface Window {
    /** Exposed by the preload through contextBridge (preload/api.ts). */
    readonly elevate: ElevateApi;
  }
}
