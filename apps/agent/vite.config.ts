import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../../scripts/lib/vite-precompress.mjs';
import { pwa } from '../../scripts/lib/vite-pwa.mjs';

// Served by the API under /agent/; in `npm run dev` Vite serves it and proxies /api.
export default defineConfig({
  base: '/agent/',
  plugins: [
    react(),
    pwa({
      name: 'Relaydesk Agent',
      shortName: 'Relaydesk Agent',
      description: 'Queues, tickets, calendar and reports for the support team.',
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: Number(process.env.AGENT_DEV_PORT ?? 5174),
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
