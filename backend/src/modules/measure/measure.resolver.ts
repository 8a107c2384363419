import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { listInstruments, type InstrumentDefinition } from '@cairn/shared';
import { badInput, notFound } from '../../common/errors.js';
import { once } from '../../common/idempotency.js';
import type { RequestContext } from '../../common/request-context.js';
import { Public, Role, Roles } from '../../common/roles.js';
import { ClientAccessService, type VisibleClient } from '../client/client-access.service.js';
import { FlagEngine } from '../flag/flag-engine.service.js';
import { FlagKind } from '../flag/flag.types.js';
import { RatingLinkService } from '../session/rating-link.service.js';
import { crisisFor } from './crisis.js';
import { SubmitAllianceRatingInput, SubmitQuestionnaireInput } from './measure.inputs.js';
import { MeasureService } from './measure.service.js';
import { AllianceSubmission, Instrument, QuestionnaireSubmission } from './measure.types.js';

@Resolver()
export class MeasureResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly measures: MeasureService,
    private readonly links: RatingLinkService,
    private readonly engine: FlagEngine,
  ) {}

  @Roles(Role.THERAPIST, Role.MANAGER, Role.CLIENT)
  @Query(() => [Instrument], { description: 'Built-in instruments and those the practice added.' })
  async instruments(@Context() ctx: RequestContext): Promise<Instrument[]> {
    return [...listInstruments(), ...(await this.measures.practiceInstruments(ctx))].map(toInstrument);
  }

  @Roles(Role.MANAGER)
  @Mutation(() => Instrument, {
    description: 'Adds a (e.g. licensed) instrument definition, validated like the built-ins.',
  })
  async addPracticeInstrument(
    @Context() ctx: RequestContext,
    @Args('definition') definition: string,
  ): Promise<Instrument> {
    if (definition.length > 100_000) throw badInput('definition', 'definition must be at most 100000 characters');
    return toInstrument(await this.measures.addPracticeInstrument(ctx, definition));
  }

  @Roles(Role.CLIENT)
  @Mutation(() => QuestionnaireSubmission)
  async submitQuestionnaire(
    @Context() ctx: RequestContext,
    @Args('input') input: SubmitQuestionnaireInput,
  ): Promise<QuestionnaireSubmission> {
    const client = await this.access.ownClient(ctx, 'submitQuestionnaire');
    const user = await this.access.signedIn(ctx);
    return once(ctx, `user:${user.id}`, input, 'submitQuestionnaire', async () => {
      const definition = await this.measures.instrument(ctx, input.instrumentCode);
      if (definition.code === 'ALLIANCE4') throw badInput('instrumentCode', 'rate a session with submitAllianceRating');
      const response = await this.measures.record(ctx, {
        client,
        definition,
        answers: input.answers,
        source: 'CLIENT',
      });
      const raised = await this.engine.afterQuestionnaire(ctx, client, {
        code: definition.code,
        id: response.id,
        at: response.submittedAt.toISOString(),
        total: response.total,
        answers: response.answers,
        episodeId: response.episodeId,
      });
      // Item 9 endorsed always shows crisis lines, even when a RISK flag was already open.
      const risky = raised.includes(FlagKind.RISK) || (definition.code === 'PHQ9' && (input.answers[8] ?? 0) > 0);
      return { response, crisis: risky ? crisisFor(client.country) : null };
    });
  }

  @Public()
  @Mutation(() => AllianceSubmission, { description: 'A session rating, by one-time link or as the signed-in client.' })
  async submitAllianceRating(
    @Context() ctx: RequestContext,
    @Args('input') input: SubmitAllianceRatingInput,
  ): Promise<AllianceSubmission> {
    if (Boolean(input.token) === Boolean(input.sessionId)) {
      throw badInput('token', 'give either token (from a rating link) or sessionId (when signed in), not both');
    }
    let client: VisibleClient;
    let sessionId: string;
    let actor: string;
    let linkId: string | null = null;
    if (input.token) {
      // A used link still finds its first result for a retry with the same idempotencyKey.
      const link = await this.links.redeemable(ctx, input.token, { allowUsed: true });
      client = await this.access.forRatingLink(ctx, link.clientId);
      sessionId = link.sessionId;
      linkId = link.linkId;
      actor = `link:${link.linkId}`;
    } else {
      client = await this.access.ownClient(ctx, 'submitAllianceRating');
      await this.access.recordOf(
        ctx,
        'therapy_session',
        input.sessionId ?? '',
        'write',
        'submitAllianceRating',
        'Session',
      );
      sessionId = input.sessionId ?? '';
      actor = `user:${(await this.access.signedIn(ctx)).id}`;
    }
    return once(ctx, actor, input, 'submitAllianceRating', async () => {
      // Only a session that happened is rated: never a future one, nor one cancelled or missed since a link was made.
      const refusal = await this.links.refusal(ctx, sessionId, linkId ? 'link' : 'new', linkId ? 'token' : 'sessionId');
      if (refusal && !input.helpNow) throw refusal;
      if (linkId && !(await this.links.claim(ctx, linkId))) {
        throw notFound('Rating link (it may have been used already or have expired)');
      }
      if (refusal) {
        // "I need help now" is never refused: the therapist is alerted and crisis lines shown; the rating is not kept.
        const mark = { source: 'RATING_COMMENT' as const, id: linkId ?? sessionId, at: new Date().toISOString() };
        await this.engine.afterHelpRequest(ctx, client, [mark]);
        return { response: null, notRecordedReason: refusal.message, crisis: crisisFor(client.country) };
      }
      const definition = await this.measures.instrument(ctx, 'ALLIANCE4');
      const response = await this.measures.record(ctx, {
        client,
        definition,
        answers: input.answers,
        source: linkId ? 'RATING_LINK' : 'CLIENT',
        sessionId,
        comment: input.comment,
        helpNow: input.helpNow ?? false,
      });
      const helpNow = input.helpNow
        ? [{ source: 'RATING_COMMENT' as const, id: response.id, at: response.submittedAt.toISOString() }]
        : [];
      const raised = await this.engine.afterAlliance(ctx, client, helpNow, { id: response.id, total: response.total });
      const risky = Boolean(input.helpNow) || raised.includes(FlagKind.RISK);
      return { response, notRecordedReason: null, crisis: risky ? crisisFor(client.country) : null };
    });
  }
}

function toInstrument(d: InstrumentDefinition): Instrument {
  return {
    code: d.code,
    version: d.version,
    title: d.title,
    prompt: d.prompt ?? null,
    options: (d.responseOptions ?? []).map((o) => ({ value: o.value, label: o.label })),
    items: d.items.map((i) => ({
      id: i.id,
      text: i.text,
      min: i.min,
      max: i.max,
      minLabel: i.anchors?.min ?? null,
      maxLabel: i.anchors?.max ?? null,
    })),
    licence: d.licence,
  };
}
