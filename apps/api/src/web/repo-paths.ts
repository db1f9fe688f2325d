import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found from this file whether it runs from `apps/` (ts-jest) or `dist/apps/`
 * (the built server): static files of ours are read from the repo, not copied into dist.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('/dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** A package's folder in node_modules, through a file its exports map lets us resolve. */
export function packageDir(specifier: string): string {
  return dirname(require.resolve(specifier));
}
