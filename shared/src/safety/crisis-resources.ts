// Crisis lines shown to a client the moment a RISK flag is raised. Kept as data so a reviewer
// can check every number in one place; extend by adding a country, never by computing one.

export interface CrisisContact {
  name: string;
  /** Absent where we cannot know the number (the default entry). */
  number?: string;
  ways: readonly ('CALL' | 'TEXT')[];
  description: string;
}

export interface CrisisResources {
  /** ISO 3166-1 alpha-2 code the resources are for, or 'DEFAULT'. */
  country: string;
  contacts: readonly CrisisContact[];
  /** Where to look for more help. */
  moreHelp?: string;
}

const FIND_A_HELPLINE = 'Find a free, confidential helpline in your country at findahelpline.com.';

const BY_COUNTRY: Readonly<Record<string, CrisisResources>> = {
  US: {
    country: 'US',
    contacts: [
      {
        name: '988 Suicide & Crisis Lifeline',
        number: '988',
        ways: ['CALL', 'TEXT'],
        description: 'Call or text 988, any time, day or night.',
      },
      {
        name: 'Emergency services',
        number: '911',
        ways: ['CALL'],
        description: 'If you are in immediate danger, call 911.',
      },
    ],
  },
  GB: {
    country: 'GB',
    contacts: [
      {
        name: 'Emergency services',
        number: '999',
        ways: ['CALL'],
        description: 'If you are in immediate danger, call 999.',
      },
      {
        name: 'Samaritans',
        number: '116 123',
        ways: ['CALL'],
        description: 'Call 116 123 free, any time, day or night.',
      },
    ],
  },
};

const DEFAULT_RESOURCES: CrisisResources = {
  country: 'DEFAULT',
  contacts: [
    {
      name: 'Local emergency number',
      ways: ['CALL'],
      description: 'If you are in immediate danger, call your local emergency number.',
    },
  ],
  moreHelp: FIND_A_HELPLINE,
};

// 'UK' is not an ISO code but is what people type.
const ALIASES: Readonly<Record<string, string>> = { UK: 'GB', USA: 'US' };

/** Crisis contacts for a country code (case-insensitive; 'UK' accepted for GB); others get the default. */
export function crisisResources(country: string): CrisisResources {
  const code = country.trim().toUpperCase();
  return BY_COUNTRY[ALIASES[code] ?? code] ?? DEFAULT_RESOURCES;
}
