import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@ashar/graphql';
import { AssistedParticipationService } from '@ashar/identity';
import { InvalidInputError } from '@ashar/kernel';

/** The reason is percent-encoded (headers are Latin-1); a malformed escape is the client's error. */
function decodeReason(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError('x-on-behalf-reason', 'errors.validation.invalid', 'x-on-behalf-reason: malformed percent-encoding');
  }
}

/**
 * Assisted participation: a request with `x-on-behalf-of: <resident id>` and `x-on-behalf-reason`
 * runs as "member X on behalf of resident Y". Checked once per request, before any resolver.
 */
@Injectable()
export class OnBehalfGuard implements CanActivate {
  constructor(private readonly assisted: AssistedParticipationService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext & { onBehalfChecked?: boolean }>();
    const residentId = ctx.req.headers['x-on-behalf-of'];
    if (typeof residentId !== 'string' || ctx.onBehalfChecked) return true;
    const reason = ctx.req.headers['x-on-behalf-reason'];
    const decoded = typeof reason === 'string' ? decodeReason(reason) : '';
    ctx.actor = ctx.actor.withOnBehalfOf(await this.assisted.authorise(ctx.actor, residentId, decoded));
    ctx.onBehalfChecked = true;
    return true;
  }
}
