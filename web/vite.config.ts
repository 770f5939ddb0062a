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
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            // The field queue and its checks, which every page loads at start (pwa.ts); the
            // officers' screens use the checks too (a phone number, today's date).
            { name: 'queue', test: /\/src\/offline\/(queue|validate)\.ts/ },
            // What the officers' forms share (src/composables, the form pieces of components/core):
            // one chunk, not one per piece, so the list of chunks every page carries stays short.
            { name: 'officer-forms', test: /\/src\/(composables\/|components\/core\/(ChatGroupForm|FormControl|ToggledForm|UnitCrumbs|LoadState|textInput|cohorts)\b)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
