import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { App } from './App';
import './styles.css';

/**
 * `/graphql` on the app's own origin: the Vite server (development and `vite preview`) forwards it to the
 * subgraph, as a reverse proxy or the router would in production. POST, because Apollo Server's CSRF
 * prevention refuses a GET without a preflight-forcing header.
 */
const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
