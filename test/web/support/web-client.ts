import { parse, HTMLElement } from 'node-html-parser';
import type { TestServer } from '../../support/test-server';

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
  doc: HTMLElement;
  location: string | null;
}

/**
 * A browser without JavaScript, for server-side tests of the pages: keeps the session cookie, follows
 * nothing by itself, posts forms the way a browser does (urlencoded, same-origin fetch metadata).
 */
export class WebClient {
  /** The cookies this "browser" holds, by name (path and SameSite are not modelled). */
  private readonly cookies = new Map<string, string>();

  constructor(private readonly server: TestServer) {}

  /** The session cookie as a `cookie` header value, or null when the server set none. */
  get sessionCookie(): string | null {
    const value = this.cookies.get('actiemonitor_sessie');
    return value === undefined ? null : `actiemonitor_sessie=${value}`;
  }

  async get(path: string): Promise<PageResponse> {
    return this.request('GET', path);
  }

  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
  ): Promise<PageResponse> {
    return this.request('POST', path, new URLSearchParams(fields).toString(), headers);
  }

  /** The named form's fields as the page rendered them (hidden fields included), with overrides. */
  static formFields(page: PageResponse, formSelector: string, overrides: Record<string, string> = {}): Record<string, string> {
    const form = page.doc.querySelector(formSelector);
    if (!form) throw new Error(`no form ${formSelector} on the page:\n${page.doc.querySelector('main')?.text.slice(0, 500)}`);
    const fields: Record<string, string> = {};
    for (const input of form.querySelectorAll('input')) {
      const type = input.getAttribute('type') ?? 'text';
      if (type === 'checkbox' && input.getAttribute('checked') === undefined) continue;
      const name = input.getAttribute('name');
      if (name) fields[name] = input.getAttribute('value') ?? '';
    }
    for (const select of form.querySelectorAll('select')) {
      const selected = select.querySelector('option[selected]') ?? select.querySelector('option');
      fields[select.getAttribute('name')!] = selected?.getAttribute('value') ?? '';
    }
    for (const textarea of form.querySelectorAll('textarea')) fields[textarea.getAttribute('name')!] = textarea.text;
    return { ...fields, ...overrides };
  }

  async signIn(token: string): Promise<PageResponse> {
    const page = await this.get('/inloggen');
    return this.post('/inloggen', WebClient.formFields(page, 'form[action="/inloggen"]', { token }));
  }

  private async request(method: string, path: string, body?: string, extra: Record<string, string> = {}): Promise<PageResponse> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${this.server.url}${path}`, { method, headers, body, redirect: 'manual' });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(setCookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await res.text();
    return { status: res.status, headers: res.headers, html, doc: parse(html), location: res.headers.get('location') };
  }
}
