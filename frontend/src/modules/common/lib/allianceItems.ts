import { ALLIANCE4 } from '@cairn/shared';

// The session alliance rating (ALLIANCE4) as the rating form and charts show it: the wording and
// anchors come from the shared instrument definition; the short labels are for tight chart space.
export interface AllianceItem {
  id: string;
  text: string;
  /** A few words for tight spaces (chart detail). */
  shortLabel: string;
  minLabel: string;
  maxLabel: string;
}

const SHORT_LABELS: Readonly<Record<string, string>> = {
  heard: 'Heard and respected',
  goals: 'Worked on what I wanted',
  approach: 'Approach fits me',
  overall: 'Overall right for me',
};

export const ALLIANCE_PROMPT = ALLIANCE4.prompt ?? 'Thinking about the session, how much do you agree?';

export const ALLIANCE_ITEMS: readonly AllianceItem[] = ALLIANCE4.items.map((item) => ({
  id: item.id,
  text: item.text,
  shortLabel: SHORT_LABELS[item.id] ?? item.text,
  minLabel: item.anchors?.min ?? String(item.min),
  maxLabel: item.anchors?.max ?? String(item.max),
}));
