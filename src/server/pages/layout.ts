import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f7;color:#1d2433}
header{background:#1d2433;color:#fff;padding:12px 24px;display:flex;align-items:center;justify-content:space-between}
header .brand{font-weight:700;letter-spacing:.3px}
header form{margin:0}
main{max-width:960px;margin:32px auto;padding:0 24px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:28px}
.narrow{max-width:400px;margin:64px auto}
h1{font-size:22px;margin:0 0 16px}
label{display:block;font-weight:600;margin:12px 0 4px}
input[type=text],input[type=password]{width:100%;padding:9px 11px;border:1px solid #c5cad6;border-radius:6px;font-size:15px}
button{background:#2f6fed;color:#fff;border:0;border-radius:6px;padding:9px 16px;font-size:15px;cursor:pointer;margin-top:16px}
button.link{background:none;color:#fff;padding:0;margin:0;text-decoration:underline}
.error{background:#fdecec;border:1px solid #f5b5b5;color:#8a1f1f;border-radius:6px;padding:10px 12px;margin-bottom:12px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
.tile{display:block;background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:20px;color:inherit;text-decoration:none}
.tile:hover{box-shadow:0 3px 10px rgba(0,0,0,.18)}
.tile .icon{width:44px;height:44px;border-radius:8px;background:#ff9900;color:#1d2433;font-weight:800;display:flex;align-items:center;justify-content:center;margin-bottom:12px}
.tile .icon.generic{background:#2f6fed;color:#fff}
.muted{color:#667085;font-size:13px}
code{background:#eef0f4;padding:1px 5px;border-radius:4px}
`;

export function layout(title: string, body: Content, header?: Content): Content {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · rolegate</title>
<style>${/* a constant of this file, never input */ raw(STYLE)}</style>
</head>
<body>
<header><span class="brand">rolegate</span>${header ?? ''}</header>
<main>${body}</main>
</body>
</html>`;
}
