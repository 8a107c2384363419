import { describe, expect, it } from '@jest/globals';
import { linkParts } from '../linkParts';

describe('linkParts', () => {
  it('turns the web addresses of an invitation into links and keeps the words around them', () => {
    expect(
      linkParts('Choose a password:\nhttp://localhost:4000/invitation/abc123\nThe link works for 7 days.'),
    ).toEqual([
      { text: 'Choose a password:\n' },
      { text: 'http://localhost:4000/invitation/abc123', href: 'http://localhost:4000/invitation/abc123' },
      { text: '\nThe link works for 7 days.' },
    ]);
  });

  it('leaves text without an address alone, and never links a javascript: address', () => {
    expect(linkParts('No link here; javascript:alert(1) stays text.')).toEqual([
      { text: 'No link here; javascript:alert(1) stays text.' },
    ]);
  });
});
