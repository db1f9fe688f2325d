import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Configuration } from '@actiemonitor/config';
import { GRAPHQL_PATH } from '../http/request-state';

export const GRAPHIQL_PATH = '/graphiql';
const ASSETS_PATH = `${GRAPHIQL_PATH}/assets`;

/** What the headers editor starts with: the one header every /graphql request needs. */
const DEFAULT_HEADERS = '{\n  "Authorization": "Bearer <plak hier uw token>"\n}';
const TOKEN_COMMAND = 'npm run -s cli -- tokens create --role coordinator --partner VWS --name mijn-token';

/** On in development, off in production unless GRAPHIQL=true (the one place that decides it). */
export function graphiqlEnabled(config: Pick<Configuration, 'GRAPHIQL' | 'NODE_ENV'>): boolean {
  return config.GRAPHIQL ?? config.NODE_ENV !== 'production';
}

const JS = 'application/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Where our own two files live; tsc does not copy them to dist, so they are read from the repository. */
const STATIC_DIR_IN_REPO = 'apps/api/src/graphiql/static';

interface Asset {
  /** Content-hashed, so a year-long cache can never serve a stale copy after an upgrade. */
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * A file inside an installed package. These packages' `exports` do not list their browser bundles, so the
 * path is taken relative to their package.json (which they do export).
 */
function packageFile(packageName: string, relativePath: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), relativePath);
}

/** The first ancestor of this file's folder that holds the static folder: the repository, whether run from src or dist. */
function staticFile(name: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, STATIC_DIR_IN_REPO, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`GraphiQL: ${join(STATIC_DIR_IN_REPO, name)} not found above ${__dirname}`);
  }
}

function loadAsset(path: string, baseName: string, extension: string, contentType: string): Asset {
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch (error) {
    // Fails start-up rather than serving a blank page, e.g. after a dependency bump that dropped the bundle.
    throw new Error(`GraphiQL: cannot read ${path} (${(error as Error).message})`, { cause: error });
  }
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { fileName: `${baseName}.${hash}.${extension}`, contentType, body };
}

/**
 * The browser files, in the order the page loads them. graphiql@4 is the last major with a prebuilt browser
 * bundle (later ones are ES modules with Monaco); that bundle expects React 18 as globals, and React 19
 * (the project's own, for server rendering) ships no such build, hence React 18 under npm aliases.
 */
function loadAssets(): { react: Asset; reactDom: Asset; graphiql: Asset; graphiqlCss: Asset; pageCss: Asset; bootstrap: Asset } {
  return {
    react: loadAsset(packageFile('react-18-umd', 'umd/react.production.min.js'), 'react', 'js', JS),
    reactDom: loadAsset(packageFile('react-dom-18-umd', 'umd/react-dom.production.min.js'), 'react-dom', 'js', JS),
    graphiql: loadAsset(packageFile('graphiql', 'graphiql.min.js'), 'graphiql', 'js', JS),
    graphiqlCss: loadAsset(packageFile('graphiql', 'graphiql.min.css'), 'graphiql', 'css', CSS),
    pageCss: loadAsset(staticFile('graphiql-page.css'), 'graphiql-page', 'css', CSS),
    bootstrap: loadAsset(staticFile('graphiql-bootstrap.js'), 'graphiql-bootstrap', 'js', JS),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderPage(assets: ReturnType<typeof loadAssets>): string {
  const url = (asset: Asset) => `${ASSETS_PATH}/${asset.fileName}`;
  // No inline script or style: the bootstrap script reads its settings from the data attributes.
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Actiemonitor – GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${url(assets.graphiqlCss)}">
<link rel="stylesheet" href="${url(assets.pageCss)}">
<script defer src="${url(assets.react)}"></script>
<script defer src="${url(assets.reactDom)}"></script>
<script defer src="${url(assets.graphiql)}"></script>
<script defer src="${url(assets.bootstrap)}"></script>
</head>
<body>
<header class="graphiql-hint" role="note" aria-label="Zo stuurt u uw token mee">
<p><strong>Elke vraag aan <code>${GRAPHQL_PATH}</code> heeft een token nodig.</strong>
Zet het in het tabblad <strong>Headers</strong> (onder de vraag), in plaats van <code>&lt;plak hier uw token&gt;</code>:
<code>{"Authorization": "Bearer &lt;token&gt;"}</code>.
Voer dan de vraag uit met &#9654; (Ctrl+Enter); haal voor aanvullen en documentatie het schema opnieuw op met &#8635; links onderin.</p>
<p>Een token maakt u met <code>${escapeHtml(TOKEN_COMMAND)}</code>.
Het token wordt niet bewaard: na herladen plakt u het opnieuw.</p>
</header>
<main id="graphiql" class="graphiql-root" data-endpoint="${GRAPHQL_PATH}" data-default-headers="${escapeHtml(DEFAULT_HEADERS)}">
<noscript><p class="graphiql-noscript">GraphiQL werkt alleen met JavaScript aan.</p></noscript>
<p class="graphiql-loading">GraphiQL wordt geladen…</p>
</main>
</body>
</html>
`;
}

/**
 * GraphiQL at /graphiql, entirely from our own server: Mercurius' built-in page loads React and GraphiQL
 * from a CDN, which is a blank page on networks without internet access. When off (production, unless
 * GRAPHIQL=true) nothing is registered, so /graphiql is a plain 404. Its CSP is set in http-security.ts
 * for every route under /graphiql.
 */
export function registerGraphiql(fastify: FastifyInstance, enabled: boolean): void {
  if (!enabled) return;
  const assets = loadAssets();
  const byFileName = new Map(Object.values(assets).map((asset) => [asset.fileName, asset]));
  const page = renderPage(assets);

  fastify.get(GRAPHIQL_PATH, async (_request: FastifyRequest, reply: FastifyReply) =>
    // Revalidated every time, so a restart with other assets (other hashes) is picked up at once.
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(page),
  );
  fastify.get<{ Params: { fileName: string } }>(`${ASSETS_PATH}/:fileName`, async (request, reply) => {
    // Only the files listed above, looked up by exact name: no path from the request reaches the file system.
    const asset = byFileName.get(request.params.fileName);
    if (!asset) {
      reply.callNotFound();
      return reply;
    }
    return reply.header('content-type', asset.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
}
