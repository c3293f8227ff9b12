import { html } from 'hono/html';

type Fragment = ReturnType<typeof html>;

const STYLE = `
  :root { color-scheme: light; --ink:#16191f; --muted:#5f6b7a; --line:#d5dbdb; --bar:#232f3e; --accent:#ec7211; --bad:#d13212; --ok:#1d8102; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.5 "Amazon Ember","Helvetica Neue",Arial,sans-serif; color:var(--ink); background:#f2f3f3; }
  header { background:var(--bar); color:#fff; padding:10px 20px; display:flex; gap:12px; align-items:center; }
  header b { color:var(--accent); }
  header span { color:#d5dbdb; font-size:12px; }
  main { max-width:880px; margin:24px auto; padding:0 16px; }
  .card { background:#fff; border:1px solid var(--line); border-radius:4px; padding:20px 24px; margin-bottom:16px; }
  h1 { font-size:20px; margin:0 0 12px; }
  h2 { font-size:16px; margin:18px 0 8px; padding-bottom:4px; border-bottom:1px solid var(--line); }
  dl { display:grid; grid-template-columns: 190px 1fr; gap:6px 16px; margin:0; }
  dt { color:var(--muted); } dd { margin:0; word-break:break-all; }
  code { font-family: Menlo, Consolas, monospace; font-size:13px; }
  label.role { display:block; padding:6px 8px; border-radius:3px; cursor:pointer; }
  label.role:hover { background:#f2f8fd; }
  .arn { color:var(--muted); font-size:12px; margin-left:24px; display:block; }
  button { background:var(--accent); color:#fff; border:0; border-radius:2px; padding:8px 20px; font-weight:bold; cursor:pointer; margin-top:14px; }
  .error h1 { color:var(--bad); }
  .check { display:inline-block; background:#fde8e4; color:var(--bad); border-radius:3px; padding:1px 8px; font-family:Menlo,Consolas,monospace; font-size:12px; }
  .ok { color:var(--ok); }
  table { border-collapse:collapse; width:100%; } td, th { text-align:left; border-bottom:1px solid var(--line); padding:4px 8px; }
  .muted { color:var(--muted); }
`;

/** The page frame. Every value inside `content` was interpolated through hono/html, which escapes it. */
export function renderLayout(title: string, content: Fragment): Fragment {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header><b>aws</b> Management Console <span>rolegate sandbox: not Amazon Web Services</span></header>
    <main>${content}</main>
  </body>
</html>`;
}
