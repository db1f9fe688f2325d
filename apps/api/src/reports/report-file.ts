import type { ReportModel } from '@actiemonitor/read-models';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

export const REPORT_FORMATS = ['docx', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The report in one format, with the file name and content type a download needs. */
export async function reportFile(
  model: ReportModel,
  format: ReportFormat,
): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const body =
    format === 'docx' ? await renderDocx(model) : Buffer.from(format === 'html' ? renderHtml(model) : renderMarkdown(model), 'utf8');
  const partner = model.partnerId ? `-${model.partnerId.toLowerCase()}` : '';
  return {
    body,
    fileName: `voortgangsrapportage-${model.plan.id}${partner}-${model.period.fromDay}-${model.period.toDay}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}
