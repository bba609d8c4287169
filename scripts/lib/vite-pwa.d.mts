import type { Plugin } from 'vite';

export interface PwaBuild {
  version: string;
  base: string;
  precache: string[];
  exclude: string[];
}
export const THEME_COLOR: string;
export const ICONS: { file: string; sizes: string; purpose: string }[];
export function webAppManifest(options: {
  base: string;
  name: string;
  shortName: string;
  description: string;
}): Record<string, unknown>;
export function writeServiceWorker(
  dir: string,
  options: { base: string; exclude?: string[] },
): Promise<PwaBuild>;
export function pwa(options: {
  name: string;
  shortName: string;
  description: string;
  exclude?: string[];
}): Plugin;
