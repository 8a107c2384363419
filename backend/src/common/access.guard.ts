import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuditService } from '../modules/audit/audit.service.js';
import { notFound, unauthenticated } from './errors.js';
import type { RequestContext } from './request-context.js';
import { ACCESS_KEY, type Access } from './roles.js';

/**
 * The one guard every resolver passes through. Fails closed: a resolver that does not declare
 * @Roles or @Public cannot be called. A signed-in caller of the wrong role gets NOT_FOUND.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType<string>() !== 'graphql') {
      if (!access)
        throw new Error(`No access rule declared on ${context.getClass().name}.${context.getHandler().name}`);
      return access.public;
    }
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    const operation = GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName;
    if (!access) {
      await this.audit.denied(ctx, null, operation);
      throw new Error(`No access rule declared on resolver ${operation}`);
    }
    if (access.public) return true;
    const user = await ctx.user();
    if (!user) {
      await this.audit.denied(ctx, null, operation);
      throw unauthenticated();
    }
    if (!access.roles.includes(user.role)) {
      await this.audit.denied(ctx, user, operation);
      throw notFound('Operation');
    }
    return true;
  }
}
