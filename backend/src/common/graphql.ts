import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type GraphQLFormattedError,
  type ValueNode,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { RequestDb, type StatementObserver } from '../database/request-db.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { RateLimiter } from '../modules/auth/rate-limiter.js';
import { isRetryableDatabaseError, PUBLIC_ERROR_CODES, tryAgain } from './errors.js';
import { expensiveFieldsRule } from './query-cost.js';
import type { CairnLogger } from './logger.js';
import type { RequestContext } from './request-context.js';
import { isRealDate, isStorableText, unstorableTextPath } from './validation.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

function createContext(
  req: Request,
  res: Response,
  dataSource: DataSource,
  auth: AuthService,
  observer: StatementObserver | null,
  submissions: RateLimiter,
): RequestContext {
  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  let pending: Promise<RequestContext['signedIn']> | undefined;
  const ctx: RequestContext = {
    req,
    res,
    requestId,
    db: new RequestDb(dataSource, requestId, observer ?? undefined),
    submissions,
    user: async () => {
      if (ctx.signedIn !== undefined) return ctx.signedIn;
      pending ??= auth.resolve(ctx);
      const user = (await pending) ?? null;
      ctx.signedIn = user;
      return user;
    },
  };
  return ctx;
}

const MAX_TOKENS = 3000;

/** Express middleware: refuses a GraphQL document of more than MAX_TOKENS tokens before it is parsed. */
export function tokenLimit(req: Request, res: Response, next: () => void): void {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (req.path === '/graphql' && typeof query === 'string' && countTokens(query, MAX_TOKENS + 1) > MAX_TOKENS) {
    res
      .status(400)
      .json({ errors: [{ message: `Query has more than ${MAX_TOKENS} tokens`, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next();
}

/** Lexical tokens in a document, counting no further than `stopAt`; a lexing error is left to the parser. */
function countTokens(query: string, stopAt: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count < stopAt && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // The parser reports the syntax error with its usual 400.
  }
  return count;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATE_TIME.exec(value.toUpperCase()) : null;
  const valid =
    m !== null &&
    isRealDate(m[1]) &&
    Number(m[2]) <= 23 &&
    Number(m[3]) <= 59 &&
    Number(m[4] ?? 0) <= 59 &&
    Number(m[6] ?? 0) <= 23 &&
    Number(m[7] ?? 0) <= 59;
  if (!valid) {
    // Never rolled forward (02-30 is not 03-02) nor read in the server's zone when the offset is missing.
    throw new GraphQLError('must be a real ISO date-time with its offset, such as 2026-05-01T14:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date((value as string).toUpperCase());
}

/** DateTime in and out: RFC 3339 with an offset, only dates that exist; written as UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time with its offset, such as 2026-05-01T14:00:00Z (RFC 3339); sent back in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** The field a bad value belongs to: the argument, or the input field inside it. */
function fieldOf(path: readonly (string | number)[]): string {
  return path.length > 1 ? path.slice(1).join('.') : String(path[0]);
}

/**
 * Every string argument, inline or in variables, whatever its type (String, ID, a scalar, nested in
 * an input), checked once before anything runs: the first that PostgreSQL cannot store is named.
 */
function unstorableTextField(
  document: DocumentNode,
  query: string | undefined,
  variables: Record<string, unknown>,
): string | null {
  const inVariables = unstorableTextPath(variables);
  // A literal holds a NUL only as a \u escape or a raw NUL (a raw lone surrogate does not parse), so
  // the usual request skips walking the operation.
  if (!inVariables && query !== undefined && !query.includes('\\u') && !query.includes('\u0000')) return null;
  const usedAs = new Map<string, (string | number)[]>();
  let found: string | null = null;
  const walkLiteral = (node: ValueNode, path: (string | number)[]): void => {
    if (found) return;
    if (node.kind === Kind.VARIABLE) {
      if (!usedAs.has(node.name.value)) usedAs.set(node.name.value, path);
    } else if (node.kind === Kind.STRING) {
      if (!isStorableText(node.value)) found = fieldOf(path);
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((v, i) => walkLiteral(v, [...path, i]));
    } else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) walkLiteral(f.value, [...path, f.name.value]);
    }
  };
  visit(document, { Argument: (node) => walkLiteral(node.value, [node.name.value]) });
  if (found) return found;
  if (!inVariables) return null;
  // Named as the argument or input field the variable was passed to.
  const [name, ...within] = inVariables;
  return fieldOf([...(usedAs.get(String(name)) ?? [name]), ...within]);
}

/** NUL characters and lone surrogates in any input are the caller's error (400), never a 500. */
function storableTextPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }: GraphQLRequestContext<RequestContext>) {
          const field = document ? unstorableTextField(document, request.query, request.variables ?? {}) : null;
          if (field !== null) {
            throw new GraphQLError(`${field} must not contain a NUL character or an unpaired surrogate`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Ends each request's transaction: commit, unless a mutation had an error (then nothing it wrote
 * stays). Unknown errors are logged by name with the request id and hidden from the caller.
 */
function transactionPlugin(
  logger: CairnLogger,
  audit: AuditService,
  debugErrors: boolean,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async didEncounterErrors({ errors, contextValue }: GraphQLRequestContext<RequestContext>) {
          for (const e of errors ?? []) {
            const code = e.extensions?.code;
            if (typeof code !== 'string' || !PUBLIC_ERROR_CODES.has(code)) {
              if (debugErrors) console.error(e.originalError ?? e);
              logger.event('error', 'unexpected error in request', {
                requestId: contextValue.requestId,
                errorName: e.originalError?.name ?? e.name,
              });
            }
          }
        },
        async executionDidStart({ contextValue, operation }: GraphQLRequestContext<RequestContext>) {
          // A read writes only its audit rows and the session's last-seen time: those may reach disk a
          // moment after the reply (PostgreSQL stays consistent; a crash can lose at most the last
          // ~0.6 s of them). Every change to clinical data keeps a synchronous commit.
          if (operation?.operation === 'query') await contextValue.db.readOnlyCommit();
        },
        async willSendResponse({ contextValue, response, operation }: GraphQLRequestContext<RequestContext>) {
          const body = response.body;
          const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
          const isMutation = operation?.operation === 'mutation';
          try {
            await contextValue.db.finish(!(isMutation && errors && errors.length > 0));
          } catch (error) {
            logger.event('error', 'transaction did not finish', {
              requestId: contextValue.requestId,
              errorName: (error as Error).name,
            });
            if (body?.kind === 'single') {
              body.singleResult.data = null;
              body.singleResult.errors = [
                new GraphQLError('The change could not be saved; nothing was recorded. Please try again.', {
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                }),
              ];
            }
          }
          // Every denied access leaves one audit row, even where no service wrote a more specific one.
          const denied = errors?.find(
            (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'UNAUTHENTICATED',
          );
          if (denied && !contextValue.deniedAudited) {
            const action =
              typeof denied.path?.[0] === 'string' ? denied.path[0] : (operation?.name?.value ?? 'graphql');
            await audit.denied(contextValue, contextValue.signedIn ?? null, action).catch((error: Error) =>
              logger.event('error', 'denied access not audited', {
                requestId: contextValue.requestId,
                errorName: error.name,
              }),
            );
          }
          logger.event('info', 'graphql request', {
            requestId: contextValue.requestId,
            operationType: operation?.operation,
            durationMs: Date.now() - started,
          });
        },
      };
    },
  };
}

/** GraphQL's own message for a variable it could not coerce, e.g. `... at "i.scheduledAt"; must be ...`. */
const VARIABLE_PATH = /^Variable "\$\w+" got invalid value .*? at "\w+((?:\.\w+|\[\d+\])+)"; (.*)$/s;

/** Known errors pass with their code; anything else becomes a plain internal error, never a stack trace. */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // A database timeout or outage is a clear "try again", not an internal error.
  if (isRetryableDatabaseError(error)) {
    const busy = tryAgain();
    return { message: busy.message, path: formatted.path, extensions: busy.extensions };
  }
  // graphql-js gives up after 50 bad variable values with an error that has no code: still bad input.
  if (formatted.message.startsWith('Too many errors processing variables, error limit reached')) {
    return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    void _stack;
    // A variable GraphQL refused names its input field, as our own validation does; a scalar's own
    // "must ..." reads as our messages do ("scheduledAt must be ...").
    const refused = code === 'BAD_USER_INPUT' && !extensions.field ? VARIABLE_PATH.exec(formatted.message) : null;
    let message = formatted.message;
    if (refused) {
      extensions.field = refused[1].replace(/\[(\d+)\]/g, '.$1').slice(1);
      if (refused[2].startsWith('must ')) message = `${extensions.field} ${refused[2]}`;
    }
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function graphqlOptions(deps: {
  config: AppConfig;
  dataSource: DataSource;
  auth: AuthService;
  logger: CairnLogger;
  observer: StatementObserver | null;
  audit: AuditService;
}): ApolloDriverConfig {
  const { config, dataSource, auth, logger, observer, audit } = deps;
  const submissions = new RateLimiter('submission', config.submissionLimitPerMinute, 60);
  // Depth, alias, token and cost limits; field suggestions ("did you mean") off in production.
  const armor = new ApolloArmor({
    maxDepth: { n: 12, ignoreIntrospection: false },
    maxAliases: { n: 15 },
    // armor's token limit swaps Apollo's parser and turns syntax errors into 500s; ours is tokenLimit.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 10_000 },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    context: ({ req, res }: { req: Request; res: Response }) =>
      createContext(req, res, dataSource, auth, observer, submissions),
    // graphql-armor is typed against Apollo's CJS build; the plugin objects are the same at runtime.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      // No HTTP caching of clinical data, and no per-field instrumentation cost for it.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      transactionPlugin(logger, audit, config.debugErrors && !config.isProduction),
      storableTextPlugin(),
    ],
    validationRules: [...armor.validationRules, expensiveFieldsRule],
    formatError,
  };
}
