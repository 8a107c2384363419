import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend serves frontend/dist from the same origin; in development Vite proxies the API to it.
const backend = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Instrument definitions come from the shared package's source (pure TypeScript, no build step).
    alias: { '@cairn/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: {
      '/graphql': { target: backend, changeOrigin: false },
      '/exports': { target: backend, changeOrigin: false },
      '/dev': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
