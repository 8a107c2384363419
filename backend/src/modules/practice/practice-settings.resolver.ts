import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { PracticeSettingsService } from './practice-settings.service.js';
import { PracticeSettings, UpdatePracticeSettingsInput } from './practice-settings.types.js';

@Resolver(() => PracticeSettings)
export class PracticeSettingsResolver {
  constructor(private readonly settings: PracticeSettingsService) {}

  @Roles(Role.MANAGER, Role.THERAPIST)
  @Query(() => PracticeSettings, {
    description: "The practice's settings (therapists read them for new clients' defaults).",
  })
  practiceSettings(@Context() ctx: RequestContext): Promise<PracticeSettings> {
    return this.settings.read(ctx);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => PracticeSettings)
  updatePracticeSettings(
    @Context() ctx: RequestContext,
    @Args('input') input: UpdatePracticeSettingsInput,
  ): Promise<PracticeSettings> {
    return this.settings.update(ctx, input);
  }
}
