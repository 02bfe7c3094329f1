import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Where `/graphql` goes. The app calls its own origin and this server forwards, so the browser never makes a
 * cross-origin request: the subgraph needs no CORS entry for it (in production it allows none by default).
 */
const subgraph = process.env.SUBGRAPH_URL ?? 'http://127.0.0.1:4001';

export default defineConfig({
  plugins: [react()],
  // `vite` (development, with hot reload) and `vite preview` (the built app) forward the same way.
  server: { proxy: { '/graphql': { target: subgraph, changeOrigin: true } } },
  preview: { proxy: { '/graphql': { target: subgraph, changeOrigin: true } } },
});
