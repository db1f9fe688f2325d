/**
 * CSV the way Excel opens it in a Dutch locale: semicolons (the comma is the decimal separator there),
 * CRLF line ends, UTF-8 with a byte-order mark so ë and – survive.
 */
export const CSV_BOM = '\uFEFF';

export function csvLine(values: Array<string | number | null | undefined>): string {
  return values.map(csvField).join(';') + '\r\n';
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A leading =, +, - or @ makes Excel evaluate the cell as a formula: neutralise it.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
