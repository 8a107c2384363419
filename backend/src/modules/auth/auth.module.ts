import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { RateLimitService } from './rate-limiter.js';

@Module({ providers: [AuthService, AuthResolver, RateLimitService], exports: [AuthService, RateLimitService] })
export class AuthModule {}
