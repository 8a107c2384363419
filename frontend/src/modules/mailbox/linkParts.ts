export interface TextPart {
  text: string;
  /** Set when the part is a web address, to show as a link. */
  href?: string;
}

const WEB_ADDRESS = /(https?:\/\/[^\s<>"]+)/;

/** Splits plain text into text and web addresses (an e-mail's text part, never rendered as HTML). */
export function linkParts(text: string): TextPart[] {
  return text
    .split(WEB_ADDRESS)
    .map((part, i) => (i % 2 === 1 ? { text: part, href: part } : { text: part }))
    .filter((part) => part.text !== '');
}
