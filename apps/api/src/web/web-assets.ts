import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { packageDir, repoRoot } from './repo-paths';

/**
 * Every stylesheet and font a page uses comes from our own server, out of node_modules or the repo:
 * a page makes no request to any other host (government networks block CDNs; our CSP does too).
 */
const ASSET_FOLDERS: Array<{ prefix: string; root: () => string }> = [
  { prefix: '/assets/rhc/tokens/', root: () => packageDir('@rijkshuisstijl-community/design-tokens/dist/index.css') },
  { prefix: '/assets/rhc/components/', root: () => packageDir('@rijkshuisstijl-community/components-css/dist/index.css') },
  // The Rijksoverheid fonts are licensed: the tokens fall back to Fira Sans, served from @fontsource.
  { prefix: '/assets/fonts/fira-sans/', root: () => packageDir('@fontsource/fira-sans/400.css') },
  { prefix: '/assets/app/', root: () => join(repoRoot(), 'apps/api/src/web/assets') },
];

export async function registerWebAssets(fastify: FastifyInstance): Promise<void> {
  for (const [index, folder] of ASSET_FOLDERS.entries()) {
    await fastify.register(fastifyStatic, {
      root: folder.root(),
      prefix: folder.prefix,
      // Only the first registration may decorate the reply with sendFile.
      decorateReply: index === 0,
      index: false,
      list: false,
      dotfiles: 'deny',
      maxAge: '1d',
    });
  }
}

/** The stylesheets every page links, in cascade order. */
export const PAGE_STYLESHEETS = [
  '/assets/fonts/fira-sans/400.css',
  '/assets/fonts/fira-sans/700.css',
  '/assets/rhc/tokens/index.css',
  '/assets/rhc/components/index.css',
  '/assets/app/app.css',
  '/assets/app/charts.css',
];
