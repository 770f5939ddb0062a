// Builds the app into web/dist, which `cnscd serve` serves at "/". In development, `npm run dev`
// proxies /api to a cnscd on port 8080 (`make demo`).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // Each screen is its own chunk (lazy routes): the field-logging screen loads no chart code.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
