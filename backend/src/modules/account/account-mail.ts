/**
 * The words of account e-mails. No clinical content, ever: only that there is something to do and a
 * link. Client e-mails do not name the practice either (being someone's client is itself private).
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function compose(subject: string, lines: string[], action: string, url: string, after: string): MailContent {
  const text = [...lines, '', `${action}: ${url}`, '', after].join('\n');
  const html =
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>` +
    `<p>${escapeHtml(after)}</p>`;
  return { subject, text, html };
}

export function staffInvitationMail(practiceName: string, url: string, days: number): MailContent {
  return compose(
    `You are invited to ${practiceName} on Cairn`,
    [`You have been invited to join ${practiceName} on Cairn.`, 'Open the link to choose your password.'],
    'Accept the invitation',
    url,
    `The link works once and for ${days} days. If you did not expect this, you can ignore this e-mail.`,
  );
}

export function clientInvitationMail(url: string, days: number): MailContent {
  return compose(
    'Your Cairn sign-in',
    [
      'You have been invited to set up your Cairn sign-in.',
      'Open the link on your phone or computer to choose a password.',
    ],
    'Set your password',
    url,
    `The link works once and for ${days} days. If you did not expect this, you can ignore this e-mail.`,
  );
}

export function passwordResetMail(url: string): MailContent {
  return compose(
    'Reset your Cairn password',
    ['Someone asked to reset the password of your Cairn account.', 'Open the link to choose a new password.'],
    'Choose a new password',
    url,
    'The link works once and for one hour. If you did not ask for this, ignore this e-mail: your password stays as it is.',
  );
}
