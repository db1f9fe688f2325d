import * as path from 'path';

/*
 * Loading the chart libraries under Jest. Plot ships only ES modules, and so do linkedom's dependencies
 * (css-select, domutils, …). The server loads them with a plain require(), which Node ≥ 20.19 supports;
 * Jest's own module loader does not. Each spec therefore starts with
 *
 *   jest.mock('@observablehq/plot', () => jest.requireActual('./testing/jest-modules.testing').plotUmd());
 *   jest.mock('linkedom', () => jest.requireActual('./testing/jest-modules.testing').nativeRequire('linkedom'));
 *
 * (written out in the spec because Jest hoists jest.mock calls above the imports).
 */

/**
 * Plot's UMD bundle: the same release built as one script. It must run inside Jest's sandbox, not in
 * Node's realm, because Plot tells arrays apart with `instanceof Array` and our arrays come from the
 * sandbox. Its one import is a CDN-style "d3@7.9.0/dist/d3.min.js", pointed here at d3's own UMD file.
 */
export function plotUmd(): unknown {
  // require.resolve follows the exports maps to src/index.js and dist/d3.mjs; the UMD files sit beside them.
  const d3Umd = path.join(path.dirname(require.resolve('d3')), 'd3.js');
  const plotUmdFile = path.join(path.dirname(require.resolve('@observablehq/plot')), '..', 'dist', 'plot.umd.js');
  jest.doMock('d3@7.9.0/dist/d3.min.js', () => jest.requireActual(d3Umd), { virtual: true });
  return jest.requireActual(plotUmdFile);
}

/**
 * Node's own require(), which can load ES modules. Jest replaces the `module` builtin with its own, but
 * process.getBuiltinModule (Node ≥ 20.16) still reaches the real one. Good for linkedom: it only ever
 * sees strings and its own nodes, so living outside the sandbox does not matter.
 */
export function nativeRequire(id: string): unknown {
  const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
  return nodeModule.createRequire(__filename)(id);
}
