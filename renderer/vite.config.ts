import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The popover loads over file:// (Electron's loadFile, and Chromium in the e2e tests), where a
 * `type="module" crossorigin` script is a CORS request from origin null and is refused. The
 * bundle is one IIFE, so a plain deferred script tag works everywhere and keeps CSP strict.
 */
function classicScriptTag(): Plugin {
  return {
    name: 'elevate-classic-script-tag',
    enforce: 'post',
    transformIndexHtml(html) {
      return html
        .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
        .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), classicScriptTag()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // No preload polyfill: it would be the only code needing module semantics.
    modulePreload: false,
    // Every asset as a file: CSP img-src allows data:, but keeping one rule is simpler.
    assetsInlineLimit: 0,
    // One stylesheet file: CSS injected from JS as <style> would break style-src 'self'.
    cssCodeSplit: false,
    rollupOptions: {
      output: { format: 'iife' },
    },
  },
});
