import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@ashar/auth';
import type { Locale } from '@ashar/i18n';
import type { Request, Response } from 'express';
import { LoaderRegistry } from './loader-registry';

/** Built once per GraphQL request by the API's composition root. */
export interface RequestContext {
  req: Request;
  res: Response;
  actor: Actor;
  locale: Locale;
  loaders: LoaderRegistry;
  /** Client address as seen by the trusted proxy: one of several rate-limit keys, never the only one. */
  ip: string;
}

export const Ctx = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => GqlExecutionContext.create(context).getContext<RequestContext>(),
);

export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): LoaderRegistry =>
    GqlExecutionContext.create(context).getContext<RequestContext>().loaders,
);
