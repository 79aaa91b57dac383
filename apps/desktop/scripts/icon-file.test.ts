import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawTrayIcon } from '../src/main/tray-icon';
import { APP_ICON_SIZES, appIcon, writeIco } from './icon-file';

describe('writeIco', () => {
  it('writes an .ico directory with one 32-bit entry per size, 256 px written as 0', () => {
    const ico = appIcon();
    const view = new DataView(ico.buffer);
    expect(view.getUint16(2, true)).toBe(1);
    expect(view.getUint16(4, true)).toBe(APP_ICON_SIZES.length);
    const widths = APP_ICON_SIZES.map((_, index) => ico[6 + 16 * index]);
    expect(widths).toEqual([16, 20, 24, 32, 48, 0]);
    for (let index = 0; index < APP_ICON_SIZES.length; index++) {
      const entry = 6 + 16 * index;
      expect(view.getUint16(entry + 6, true)).toBe(32);
      const offset = view.getUint32(entry + 12, true);
      expect(view.getUint32(offset, true)).toBe(40);
      expect(view.getInt32(offset + 8, true)).toBe((APP_ICON_SIZES[index] ?? 0) * 2);
    }
  });

  it('stores rows bottom-up with straight alpha: the centre pixel keeps its colour, a corner stays clear', () => {
    const size = 16;
    const ico = writeIco([{ size, bgra: drawTrayIcon('green', size) }]);
    const pixel = (x: number, y: number) => {
      const at = 6 + 16 + 40 + ((size - 1 - y) * size + x) * 4;
      return [...ico.slice(at, at + 4)];
    };
    expect(pixel(8, 8)).toEqual([0x10, 0x7c, 0x10, 255]);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
  });

  it('is the installer icon electron-builder is told to use', () => {
    const config = readFileSync(join(import.meta.dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^\s+icon: apps\/desktop\/build-resources\/icon\.ico$/m);
  });
});
