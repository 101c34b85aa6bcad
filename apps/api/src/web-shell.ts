import { LoaderRegistry, RequestContext } from '@ashar/graphql';
import { Actor } from '@ashar/auth';
import { negotiateLocale } from '@ashar/i18n';
import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/** The element the web's route-prefetch reads (apps/web/src/api/route-prefetch.ts). Keep both in step. */
export const PAGE_DATA_ELEMENT_ID = 'ashar-page-data';

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
  return async (req, res) => {
    const locale = negotiateLocale(req.headers['accept-language']);
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
      send(res, shell.replace('</head>', `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${json}</script></head>`));
    } catch {
      send(res, shell);
    }
  };
}
