import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json';

// electron-vite picks its Node/Chrome targets from the installed electron
// package; where the Electron download failed that package is absent, so the
// version we build for is taken from package.json instead.
process.env.ELECTRON_MAJOR_VER ||= pkg.optionalDependencies.electron.split('.')[0];

// Main and preload are CommonJS (the package has no "type": "module"), which
// sandboxed preloads require. Dependencies stay external to main and are
// loaded from node_modules (better-sqlite3 is native).
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
