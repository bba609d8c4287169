import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ProtocolFonts {
  regular: string;
  bold: string;
}

/**
 * DejaVu Sans ships with the repository (apps/api/assets/fonts): a fresh machine has no system
 * fonts with Cyrillic and Czech glyphs. Looked up next to the running entry (apps/api/dist/main.js
 * → apps/api/assets) and from the working directory (tests run from the repository root).
 */
export function findProtocolFonts(): ProtocolFonts {
  const candidates = [
    process.env.PROTOCOL_FONTS_DIR,
    process.argv[1] ? resolve(dirname(process.argv[1]), '../assets/fonts') : undefined,
    resolve(process.cwd(), 'apps/api/assets/fonts'),
    resolve(process.cwd(), 'assets/fonts'),
  ];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'DejaVuSans.ttf'))) {
      return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
    }
  }
  throw new Error('Service protocol fonts not found (apps/api/assets/fonts/DejaVuSans.ttf)');
}
