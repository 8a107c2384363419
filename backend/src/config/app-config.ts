import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The one validated configuration of the server, read from the environment. Secrets are never logged. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? 4000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 4000;

  /** External PostgreSQL (schema owner). Unset: an embedded server with data in `dataDir`. */
  @IsOptional()
  @IsString()
  databaseUrl?: string;

  /** Its own folder: the benchmark keeps its clusters beside it in `.data/bench-*`. */
  @IsString()
  dataDir = '.data/app';

  /** Password of the RLS-bound cairn_app role that the server connects as. */
  @IsString()
  @MinLength(8)
  appDbPassword = 'cairn-dev-app';

  @Transform(({ value }) => (value === undefined ? 20 : Number(value)))
  @IsInt()
  @Min(2)
  @Max(200)
  dbPoolSize = 20;

  @Transform(({ value }) => (value === undefined ? 15 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(240)
  sessionIdleMinutes = 15;

  @Transform(({ value }) => (value === undefined ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(72)
  sessionAbsoluteHours = 12;

  /** Base URL printed and used in rating links. */
  @IsOptional()
  @IsString()
  publicUrl?: string;

  /** Development only: an unexpected error's stack to stderr (it may hold values; never in production). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  debugErrors = false;

  /** Client submissions (mood, ratings, questionnaires, homework, goals) per person or link per minute. */
  @Transform(({ value }) => (value === undefined ? 60 : Number(value)))
  @IsInt()
  @Min(1)
  submissionLimitPerMinute = 60;

  /** Minutes between sweeps for time-based flags; 0 turns the timer off (tests call the sweep directly). */
  @Transform(({ value }) => (value === undefined ? 15 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1440)
  sweepIntervalMinutes = 15;

  /** Login attempts allowed per minute from one IP address, and for one account. */
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  loginLimitPerIp = 30;

  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  loginLimitPerAccount = 10;

  /**
   * Proxies whose X-Forwarded-For names the client (for per-IP limits and logs): 'loopback' (the
   * default), 'false' (none: the connecting address is the client's), a hop count, or addresses and
   * CIDR ranges separated by commas. Express's `trust proxy` setting.
   */
  @Matches(/^(false|\d{1,2}|[0-9A-Za-z.:/]+( *, *[0-9A-Za-z.:/]+)*)$/, {
    message: 'CAIRN_TRUST_PROXY must be false, a hop count, or addresses/CIDRs separated by commas',
  })
  trustProxy = 'loopback';

  /** The embedded PostgreSQL's listen_addresses: '' (the default) is its Unix socket only. */
  @IsString()
  embeddedListenAddresses = '';

  /** SMTP server for outgoing e-mail (smtp:// or smtps://, credentials in the URL). Unset outside production: an in-process sink read at GET /dev/mailbox. */
  @IsOptional()
  @IsString()
  smtpUrl?: string;

  /** From address of every e-mail. */
  @IsString()
  @MinLength(3)
  mailFrom = 'Cairn <no-reply@cairn.localhost>';

  /** Seconds before the first retry of a refused e-mail; each later retry waits twice as long (at most an hour). */
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  @IsNumber()
  @Min(0.01)
  @Max(3600)
  mailRetrySeconds = 30;

  /** Attempts before an e-mail is given up as failed (shown to managers with its reason). */
  @Transform(({ value }) => (value === undefined ? 8 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  mailMaxAttempts = 8;

  /** trustProxy as Express takes it. */
  get expressTrustProxy(): boolean | number | string[] {
    if (this.trustProxy === 'false') return false;
    if (/^\d+$/.test(this.trustProxy)) return Number(this.trustProxy);
    return this.trustProxy.split(',').map((s) => s.trim());
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get baseUrl(): string {
    return this.publicUrl ?? `http://localhost:${this.port}`;
  }

  /** Everything but secrets, for the start-up log. */
  describe(): Record<string, unknown> {
    return {
      nodeEnv: this.nodeEnv,
      port: this.port,
      database: this.databaseUrl ? redactUrl(this.databaseUrl) : `embedded (${this.dataDir})`,
      dbPoolSize: this.dbPoolSize,
      sessionIdleMinutes: this.sessionIdleMinutes,
      sessionAbsoluteHours: this.sessionAbsoluteHours,
      trustProxy: this.trustProxy,
      mail: this.smtpUrl ? redactUrl(this.smtpUrl) : 'development mailbox (in-process SMTP sink)',
    };
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Reads and validates configuration; throws one error listing every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw: Record<string, unknown> = {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CAIRN_DATA_DIR,
    appDbPassword: env.CAIRN_APP_DB_PASSWORD ?? 'cairn-dev-app',
    dbPoolSize: env.CAIRN_DB_POOL_SIZE,
    sessionIdleMinutes: env.CAIRN_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.CAIRN_SESSION_ABSOLUTE_HOURS,
    publicUrl: env.CAIRN_PUBLIC_URL || undefined,
    debugErrors: env.CAIRN_DEBUG_ERRORS,
    loginLimitPerIp: env.CAIRN_LOGIN_LIMIT_PER_IP,
    sweepIntervalMinutes: env.CAIRN_SWEEP_INTERVAL_MINUTES,
    submissionLimitPerMinute: env.CAIRN_SUBMISSION_LIMIT_PER_MINUTE,
    loginLimitPerAccount: env.CAIRN_LOGIN_LIMIT_PER_ACCOUNT,
    trustProxy: env.CAIRN_TRUST_PROXY,
    embeddedListenAddresses: env.CAIRN_EMBEDDED_PG_LISTEN,
    smtpUrl: env.CAIRN_SMTP_URL || undefined,
    mailFrom: env.CAIRN_MAIL_FROM || undefined,
    mailRetrySeconds: env.CAIRN_MAIL_RETRY_SECONDS,
    mailMaxAttempts: env.CAIRN_MAIL_MAX_ATTEMPTS,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  const config = plainToInstance(AppConfig, { ...raw, ...overrides });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  // Passwords published in this repository; the embedded cluster's app password is random instead.
  if (config.isProduction && config.databaseUrl && ['cairn-dev-app', 'change-me-app'].includes(config.appDbPassword)) {
    throw new Error('Invalid configuration: CAIRN_APP_DB_PASSWORD must be set in production');
  }
  // Invitations and password resets go out by e-mail: without SMTP a practice could not sign anyone in.
  if (config.isProduction && (!config.smtpUrl || !(overrides.mailFrom ?? env.CAIRN_MAIL_FROM))) {
    throw new Error(
      'Invalid configuration: e-mail is not configured. In production set CAIRN_SMTP_URL (e.g. smtps://user:password@smtp.example.org:465) and CAIRN_MAIL_FROM (e.g. "Cairn <no-reply@your-practice.example>")',
    );
  }
  return config;
}
