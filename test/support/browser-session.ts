/**
 * A minimal browser for HTTP tests: keeps cookies, follows nothing by itself (so tests see
 * every redirect), and can fill in the rolegate sign-in form.
 */
export class BrowserSession {
  readonly cookies = new Map<string, string>();
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<{ status: number; location: string | null; text: string; headers: Headers }> {
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), text: decodeHtml(await response.text()), headers: response.headers };
  }

  /** Opens the sign-in page and submits it; returns the response to the POST. */
  async signIn(username: string, password: string, returnTo = '/') {
    const page = await this.request(`/signin?return=${encodeURIComponent(returnTo)}`);
    // Already signed in, the page redirects; a form posted anyway carries the cookie's token.
    const csrf = page.status === 200 ? formValue(page.text, 'csrf') : this.cookies.get('rolegate_csrf')!;
    return this.request('/signin', { form: { csrf, return: returnTo, username, password } });
  }
}

/** Page text with the character references the server's escaping produces turned back into characters. */
function decodeHtml(html: string): string {
  return html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The value of a hidden input in a page (the text is already decoded; values hold no quotes). */
export function formValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no form field '${name}' in page`);
  return match[1]!;
}

export function formAction(html: string): string {
  const match = /<form method="post" action="([^"]*)" id="saml-post">/.exec(html);
  if (!match) throw new Error('no SAML POST form in page');
  return match[1]!;
}
