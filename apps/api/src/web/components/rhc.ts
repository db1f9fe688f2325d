import { dirname, join } from 'node:path';
import type * as RhcComponents from '@rijkshuisstijl-community/components-react';

/**
 * The Rijkshuisstijl community's React components. Their package is ESM (`"type": "module"`), and the file
 * its `require` condition points at is CommonJS named `.js`, which Node then refuses; so the server loads
 * the ESM build by path, through Node's require(esm) (Node ≥ 20.19). Only this file knows.
 */
function loadRhc(): typeof RhcComponents {
  const packageDir = dirname(require.resolve('@rijkshuisstijl-community/components-react/README.md'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- require(esm) by path is the point (see above)
  return require(join(packageDir, 'dist/index.esm.js')) as typeof RhcComponents;
}

export const Rhc = loadRhc();
