import type { PageContext } from './page-context';

/** `?peildatum=...` when the page shows a past moment, so links keep showing that moment. */
export function peildatumQuery(context: PageContext, separator: '?' | '&' = '?'): string {
  return context.peildatum ? `${separator}peildatum=${encodeURIComponent(context.peildatum.input)}` : '';
}
