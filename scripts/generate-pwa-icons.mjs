// Draws the home-screen icons of both SPAs (their web app manifests, scripts/lib/vite-pwa.mjs)
// from the favicon's shapes with Debian's Chromium, and writes them to libs/web/ui/assets/pwa/.
// The PNGs are committed; run this again only when the logo changes:
//   node scripts/generate-pwa-icons.mjs        (CHROMIUM_PATH if Chromium is elsewhere)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = join(root, 'libs/web/ui/assets/pwa');
const favicon = readFileSync(join(root, 'libs/web/ui/assets/favicon.svg'), 'utf8');
// The favicon's speech bubble without its rounded tile: maskable icons are cropped by the
// platform (circle, squircle), so they fill the square and keep the bubble in the middle 80 %.
const bubble = favicon.replace(/<rect[^>]*\/>/, '').replace(/<svg[^>]*>|<\/svg>/g, '');
const GREEN = '#087f5b';

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  {
    file: 'icon-maskable-512.png',
    size: 512,
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
      `<rect width="64" height="64" fill="${GREEN}"/>` +
      `<g transform="translate(6.4 6.4) scale(0.8)">${bubble}</g></svg>`,
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new'],
});
try {
  mkdirSync(outDir, { recursive: true });
  for (const { file, size, svg } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    writeFileSync(join(outDir, file), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`${file}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
