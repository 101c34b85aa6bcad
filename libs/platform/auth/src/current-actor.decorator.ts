import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from './actor';

/** The GraphQL context built per request carries the actor (anonymous when no valid token). */
export interface RequestContextBase {
  actor: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const ctx = GqlExecutionContext.create(context).getContext<RequestContextBase>();
  return ctx.actor ?? Actor.anonymous();
});
