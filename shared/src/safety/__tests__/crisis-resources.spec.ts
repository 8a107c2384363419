import { describe, expect, it } from '@jest/globals';
import { crisisResources } from '../crisis-resources.js';

describe('crisisResources', () => {
  it('gives US clients 988 by call or text, and 911', () => {
    const us = crisisResources('US');
    expect(us.contacts.map((c) => [c.name, c.number, c.ways])).toEqual([
      ['988 Suicide & Crisis Lifeline', '988', ['CALL', 'TEXT']],
      ['Emergency services', '911', ['CALL']],
    ]);
  });

  it('gives UK clients 999 and Samaritans 116 123, whether written UK or gb', () => {
    for (const code of ['UK', 'gb', ' GB ']) {
      expect(crisisResources(code).contacts.map((c) => c.number)).toEqual(['999', '116 123']);
    }
  });

  it('points anyone else to their local emergency number and findahelpline', () => {
    const other = crisisResources('FR');
    expect(other.country).toBe('DEFAULT');
    expect(other.contacts[0]?.description).toMatch(/local emergency number/);
    expect(other.moreHelp).toMatch(/findahelpline\.com/);
  });
});
