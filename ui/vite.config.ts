import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tauri serves the built files from ui/dist and expects the dev server on a fixed port.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_'],
  server: {
    port: 1420,
    strictPort: true,
    // The Rust side rebuilds often; don't reload the page for its files.
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
    // preview/ (dev only) reads the repository's sample statement.
    fs: { allow: ['.', '../tests/fixtures'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK on older distributions is roughly Safari 15.
    target: 'safari15',
    cssTarget: 'safari15',
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
