/** The committed icons (scripts/generate-icons.ts) exist for every state the model can show, and are sound PNGs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconFile } from '../../../../main/tray/tray-icons.js';
import { RING_FRAMES, type TrayIconState, type TrayOs } from '../../../../main/tray/tray-model.js';

const ASSETS = join(import.meta.dirname, '../../../../assets');
const STATES: TrayIconState[] = ['idle', 'elevated', 'ending', 'pending', 'offline'];
const OSES: TrayOs[] = ['darwin', 'win32', 'linux'];

/** Decodes the PNGs our generator writes (8-bit RGBA, filter 0 on every row). */
function readPng(file: string): { width: number; height: number; rgba: Buffer } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  expect([buf[24], buf[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length;) {
    const len = buf.readUInt32BE(off);
    if (buf.toString('ascii', off + 4, off + 8) === 'IDAT')
      idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('tray icons', () => {
  it('exist for every state on every OS, and for every Windows ring frame', () => {
    for (const os of OSES)
      for (const state of STATES)
        expect(existsSync(join(ASSETS, trayIconFile(os, state, null))), `${os} ${state}`).toBe(
          true,
        );
    for (let f = 0; f < RING_FRAMES; f++) {
      expect(existsSync(join(ASSETS, trayIconFile('win32', 'elevated', f)))).toBe(true);
      expect(existsSync(join(ASSETS, trayIconFile('linux', 'elevated', f)))).toBe(true);
    }
    expect(existsSync(join(ASSETS, 'tray/win/ring-60.png'))).toBe(false);
  });

  it('has macOS template images in black and alpha only, with @2x at twice the size', () => {
    for (const state of STATES) {
      const one = readPng(join(ASSETS, `tray/mac/${state}Template.png`));
      const two = readPng(join(ASSETS, `tray/mac/${state}Template@2x.png`));
      expect([one.width, two.width]).toEqual([16, 32]);
      let visible = 0;
      for (let i = 0; i < two.rgba.length; i += 4) {
        expect([two.rgba[i], two.rgba[i + 1], two.rgba[i + 2]]).toEqual([0, 0, 0]);
        if ((two.rgba[i + 3] as number) > 0) visible++;
      }
      expect(visible).toBeGreaterThan(50);
    }
  });

  it('draws a ring that gets emptier frame by frame, and a 512 px app icon', () => {
    const ink = (f: number) => {
      const { rgba } = readPng(join(ASSETS, `tray/win/ring-${String(f).padStart(2, '0')}@2x.png`));
      let sum = 0;
      for (let i = 0; i < rgba.length; i += 4) if (rgba[i] === 217 && rgba[i + 1] === 119) sum++;
      return sum;
    };
    expect(ink(59)).toBeGreaterThan(ink(30));
    expect(ink(30)).toBeGreaterThan(ink(0));
    const icon = readPng(join(ASSETS, 'icon.png'));
    expect([icon.width, icon.height]).toEqual([512, 512]);
  });
});
