import type { Peildatum } from '../format/peildatum';
import type { Viewer } from '../session/viewer';

/** What every page knows about its request: who looks, at which moment, and the form token. */
export interface PageContext {
  viewer: Viewer;
  /** A CSRF token for forms on this page (empty when the page has none). */
  csrf: string;
  /** The path without query, for the date picker and links that keep the page. */
  path: string;
  /** The moment shown; null is now. */
  peildatum: Peildatum | null;
  /** A `?peildatum=` that could not be read: the picker shows it back with the reason. */
  peildatumError: { input: string; reason: string } | null;
  /** Query parameters the page keeps when the moment changes (filters). */
  keep: Record<string, string>;
}
