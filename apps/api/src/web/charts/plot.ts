/**
 * The one place Observable Plot is loaded. Plot 0.6 ships only ES modules (its exports map sends
 * "default" to src/index.js; there is no CommonJS build). The compiled server still loads it with a plain
 * require(): Node ≥ 20.19 (the "engines" floor) supports require() of synchronous ES modules.
 * Jest's module loader does not: see testing/jest-modules.testing.ts for how the specs load it.
 */
import * as Plot from '@observablehq/plot';
import type { ChartNode } from './dom';

export { Plot };

/**
 * Plot.plot() typed as the node it is here: without a legend, caption or title option Plot returns the
 * bare <svg>, never a <figure>.
 */
export function renderPlot(options: Plot.PlotOptions): ChartNode {
  return Plot.plot(options) as unknown as ChartNode;
}
