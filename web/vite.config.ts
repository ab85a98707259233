import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const webRoot = fileURLToPath(new URL('.', import.meta.url))
/** Where `npm run dev:web` sends API, login and provider calls: a hub started with `npm start`. */
const hub = 'http://localhost:8080'

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server reads the manifest to give its login pages the same stylesheet as the SPA.
    manifest: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': hub, '/portaal': hub, '/oidc': hub, '/health': hub },
  },
})
