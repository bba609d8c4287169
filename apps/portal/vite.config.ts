import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../../scripts/lib/vite-precompress.mjs';
import { pwa } from '../../scripts/lib/vite-pwa.mjs';

// Served by the API at /; in `npm run dev` Vite serves it and proxies /api.
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    pwa({
      name: 'Relaydesk',
      shortName: 'Relaydesk',
      description: 'Open support tickets, follow their progress and talk to the support team.',
      // In the portal's scope (/) but not the portal: the workspace, and the public web form.
      exclude: ['/agent', '/form'],
    }),
    precompress(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, sourcemap: true },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
