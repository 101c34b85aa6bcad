import { LoaderRegistry, RequestContext } from '@ashar/graphql';
import { Actor } from '@ashar/auth';
import { isLocale, Locale, LOCALE_COOKIE, negotiateLocale } from '@ashar/i18n';
import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** The element the web's route-prefetch reads (apps/web/src/api/route-prefetch.ts). Keep both in step. */
export const PAGE_DATA_ELEMENT_ID = 'ashar-page-data';
/** Where the server's render goes, and the app's root (apps/web/src/server/server-page.ts). Keep both in step. */
export const SERVER_PAGE_ELEMENT_ID = 'ashar-server-page';
const APP_ROOT = '<div id="root"></div>';
/** Marks an answer that carries one page's content: the service worker never keeps it as the app shell. */
export const SERVER_PAGE_HEADER = 'X-Ashar-Server-Page';

type RenderPage = (page: { url: string; locale: string; operation: string; variables: Record<string, unknown>; data: unknown }) => Promise<string | null>;

/**
 * The web build's server render (apps/web/src/server/render-page.tsx, built next to the web's dist as
 * web-server/render-page.cjs). Without it (a build before it existed) pages still work, only later.
 */
function loadServerRender(dist: string): RenderPage | null {
  const file = join(dirname(dist), 'web-server', 'render-page.cjs');
  if (!existsSync(file)) return null;
  // A runtime path on purpose: the API does not depend on the web app's code at build time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { renderPage: RenderPage }).renderPage;
}

/** A language chosen on this device (its cookie) wins over the browser's languages, as in the web app. */
function visitorLocale(req: Request): Locale {
  const chosen: unknown = (req.cookies as Record<string, unknown> | undefined)?.[LOCALE_COOKIE];
  return chosen && isLocale(chosen) ? chosen : negotiateLocale(req.headers['accept-language']);
}

/** Routes whose first query the shell answers in the HTML: the public budget page, by id and by short address. */
const ROUTES: Array<{ pattern: RegExp; operation: string; page: string; variables: (m: RegExpExecArray) => Record<string, unknown> | null }> = [
  { pattern: /^\/budgets\/([0-9a-fA-F-]{36})\/?$/, operation: 'PUBLIC_BUDGET', page: 'src/pages/budget/public-budget.page.tsx', variables: (m) => ({ id: m[1] }) },
  {
    pattern: /^\/b\/([^/]{1,120})\/(\d{4})\/?$/,
    operation: 'PUBLIC_BUDGET_BY_SLUG',
    page: 'src/pages/budget/short-address.page.tsx',
    variables: (m) => {
      try {
        return { slug: decodeURIComponent(m[1]), year: Number(m[2]) };
      } catch {
        return null;
      }
    },
  },
];

/**
 * The app shell, with the public budget page's data inside it: on slow 4G every round trip costs about
 * half a second, and without this the page's query would only start once the app's code has arrived and
 * run. The query runs in-process as an anonymous visitor (exactly what the page would ask), its answer
 * goes into a non-executable `<script type="application/json">` (the CSP needs no change); a signed-in
 * visitor's page still asks again with its session. Any failure or error answer: the plain shell.
 */
type ViteManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/**
 * `<link>`s that start, together with the app's own code, what it would otherwise ask for only once that
 * code has run (one round trip later): the catalogue of the visitor's language, and the route's chunks.
 */
function preloads(manifest: ViteManifest, locale: string, page: string | null): string {
  const files = new Set<string>();
  const css = new Set<string>();
  const catalogue = manifest[`../../libs/shared/i18n/src/catalogues/${locale}.json`];
  if (catalogue) files.add(catalogue.file);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || key === 'index.html' || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  if (page) visit(page);
  return [...[...files].map((f) => `<link rel="modulepreload" href="/${f}">`), // As a stylesheet (not a preload): Vite's loader then finds it in the page and does not fetch it again.
    ...[...css].map((f) => `<link rel="stylesheet" href="/${f}">`)].join('');
}

export function webShell(app: INestApplication, indexHtml: string, dist: string): (req: Request, res: Response) => Promise<void> {
  const viteManifestFile = join(dist, '.vite', 'manifest.json');
  const viteManifest: ViteManifest = existsSync(viteManifestFile) ? JSON.parse(readFileSync(viteManifestFile, 'utf8')) : {};
  const manifest = join(dist, 'graphql-operations.json');
  const sources = new Map<string, string>();
  if (existsSync(manifest)) {
    for (const o of (JSON.parse(readFileSync(manifest, 'utf8')).operations ?? []) as Array<{ name?: string; source?: string }>) {
      if (o.name && o.source) sources.set(o.name, o.source);
    }
  }
  const renderPage = loadServerRender(dist);
  return async (req, res) => {
    const locale = visitorLocale(req);
    const route = ROUTES.map((r) => ({ r, m: r.pattern.exec(req.path) })).find((x) => x.m);
    const shell = indexHtml.replace('</head>', `${preloads(viteManifest, locale, route?.r.page ?? null)}</head>`);
    const send = (res: Response, html: string) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(html);
    };
    const query = route && sources.get(route.r.operation);
    const variables = route && route.m && route.r.variables(route.m);
    if (!route || !query || !variables) return send(res, shell);
    try {
      const apollo = app.get(GraphQLModule<ApolloDriver>).graphQlAdapter.instance;
      const contextValue: RequestContext = { req, res, actor: Actor.anonymous(), locale, loaders: new LoaderRegistry(), ip: req.ip ?? '' };
      const answer = await apollo.executeOperation({ query, variables }, { contextValue });
      const body = answer.body.kind === 'single' ? answer.body.singleResult : null;
      if (!body?.data || body.errors?.length) return send(res, shell);
      // `<` escaped: the JSON cannot close the element or open another one, whatever text the budget holds.
      const json = JSON.stringify({ operation: route.r.operation, variables, data: body.data }).replace(/</g, '\\u003c');
      let html = shell.replace('</head>', `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${json}</script></head>`);
      // The page itself, readable before the app's code has come; the app, rendered hidden, takes over.
      const page = renderPage && html.includes(APP_ROOT) ? await renderPage({ url: req.originalUrl, locale, operation: route.r.operation, variables, data: body.data }).catch(() => null) : null;
      if (page) {
        html = html
          .replace(APP_ROOT, () => `<div id="${SERVER_PAGE_ELEMENT_ID}">${page}</div><div id="root" hidden></div>`)
          .replace(/<html lang="[a-z]{2}">/, `<html lang="${locale}">`);
        res.setHeader(SERVER_PAGE_HEADER, '1');
      }
      send(res, html);
    } catch {
      send(res, shell);
    }
  };
}
