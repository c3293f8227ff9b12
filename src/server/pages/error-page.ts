import { html } from 'hono/html';
import { layout } from './layout.ts';

export function errorPage(options: { title: string; message: string; requestId: string }) {
  return layout(
    options.title,
    html`<div class="card narrow">
  <h1>${options.title}</h1>
  <div class="error" role="alert">${options.message}</div>
  <p class="muted">Request id: <code>${options.requestId}</code> — give it to your administrator to find the details in the log.</p>
  <p><a href="/">Back to My Apps</a></p>
</div>`,
  );
}
