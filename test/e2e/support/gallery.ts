/**
 * test/e2e/screenshots/index.html: every popover state the e2e run shot, light beside dark, so a
 * person without a display (or reviewing CI artefacts) can see the popover in one page.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escape = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Rewrites the gallery from the screenshots in `dir`; returns the states it lists. */
export function writeGallery(dir: string): string[] {
  const names = [
    ...new Set(
      readdirSync(dir)
        .map((f) => /^(.+)-(?:light|dark)\.png$/.exec(f)?.[1])
        .filter((n): n is string => n !== undefined),
    ),
  ].sort();
  const rows = names.map((n) => {
    const name = escape(n);
    return `<section><h2>${name}</h2><img src="${name}-light.png" alt="${name}, light"><img src="${name}-dark.png" alt="${name}, dark"></section>`;
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Elevate popover states</title>
<style>body{font:14px system-ui;margin:24px;background:#888}section{display:inline-block;vertical-align:top;margin:0 24px 24px 0}h2{font-size:14px}img{margin-right:8px;vertical-align:top;box-shadow:0 2px 8px #0006}</style>
<h1>Elevate popover: every state the e2e run shot (light, dark)</h1>
${rows.join('\n')}
`,
  );
  return names;
}
