/** Server-rendered SVG charts for the web pages; each returns markup to inline (or "" when there is nothing to draw). */
export { statusByPartnerChart } from './status-by-partner';
export type { StatusByPartnerRow, StatusByPartnerOptions } from './status-by-partner';
export { measurementChart } from './measurement';
export type { MeasurementChartInput } from './measurement';
export { contextSeriesChart } from './context-series';
export type { ContextSeriesChartInput } from './context-series';
