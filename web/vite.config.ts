// Builds the app into web/dist, which `cnscd serve` serves at "/". In development, `npm run dev`
// proxies /api to a cnscd on port 8080 (`make demo`).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fieldPreload } from './scripts/field-preload.mjs';

export default defineConfig({
  plugins: [vue(), fieldPreload()],
  // Compile-time flags of Vue and vue-i18n: the app uses neither the Options API nor vue-i18n's
  // legacy API, and no devtools in production; their code stays out of the bundle every screen
  // loads first (the field form's first input under 2.5 s on Slow 3G, docs/web.md).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
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
