import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the in-browser benchmark page from the extension's own modules. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: { '@': fileURLToPath(new URL('../../', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: process.env.MOTCUA_BENCH_PROFILE ? false : 'esbuild',
    rollupOptions: { input: { records: fileURLToPath(new URL('./records.html', import.meta.url)) } },
  },
  logLevel: 'warn',
});
