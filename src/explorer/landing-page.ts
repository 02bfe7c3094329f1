import type { ApolloServerPlugin } from '@apollo/server';
import { EXPLORER_PATH } from './page';

const OFFLINE_TEXT = 'it appears that you might be offline.</p>';

/**
 * Apollo's development landing page (Sandbox, loaded from Apollo's CDN) with one more line in its offline
 * fallback: a link to the explorer this server ships. The fallback shows only when Sandbox cannot load.
 */
export function withOfflineExplorerLink<TContext extends object>(landingPage: ApolloServerPlugin<TContext>): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart(service) {
      const listener = await landingPage.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!listener || !render) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await render.call(listener);
          const addLink = (html: string) => {
            // The page's CSP admits styles by nonce only; reuse Apollo's.
            const nonce = /<style nonce="?([^">\s]+)"?>/.exec(html)?.[1] ?? '';
            const link =
              `${OFFLINE_TEXT}\n  <p id="offline-explorer">Use the offline explorer instead: ` +
              `<a href="${EXPLORER_PATH}">${EXPLORER_PATH}</a> (GraphiQL served from this host, with example operations).</p>\n` +
              // Sandbox's full-page container sits over the fallback even when nothing loaded into it.
              `  <style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>`;
            return html.replace(OFFLINE_TEXT, link);
          };
          const { html } = page;
          return { html: typeof html === 'string' ? addLink(html) : async () => addLink(await html()) };
        },
      };
    },
  };
}
