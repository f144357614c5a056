// Vite build of the web app (portal, kiosk, console, verification), served by the platform from dist/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** One bundle for every page: the server answers /, /kiosk, /console, /verify and /v/* with index.html. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0, // fonts and icons as files: the CSP allows no data: scripts, and caching works per file
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // @certcloud/core is pure (no side effects on import): pages take only the helpers they use,
      // not the rule engine and its dependencies.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]/.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/.well-known': 'http://localhost:8080' } },
});
