/** Renderers of the progress report (Markdown, HTML, Word) over one model; the CLI and the dashboard both use them. */
export { renderMarkdown } from './render-markdown';
export { renderHtml, REPORT_STYLE_SOURCE } from './render-html';
export { renderDocx } from './render-docx';
export { REPORT_FORMATS, reportFile } from './report-file';
export type { ReportFormat } from './report-file';
