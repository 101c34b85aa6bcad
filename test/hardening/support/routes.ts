import { INestApplication } from '@nestjs/common';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  name?: string;
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /path` registered on the running app's Express router (Express 5 `app.router`, 4 `_router`). */
export function routesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack;
  if (!stack) throw new Error('cannot read the Express router: the route check needs updating for this Express version');
  const out = new Set<string>();
  const walk = (layers: Layer[]) => {
    for (const l of layers) {
      if (l.route) {
        for (const path of Array.isArray(l.route.path) ? l.route.path : [l.route.path]) {
          for (const [m, on] of Object.entries(l.route.methods)) if (on && m !== '_all') out.add(`${m.toUpperCase()} ${path}`);
        }
      } else if (l.handle?.stack) walk(l.handle.stack);
    }
  };
  walk(stack);
  return [...out].sort();
}
