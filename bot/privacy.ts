/**
 * Redaction of personal data before anything is written to a log: social-security numbers (NIR), IBANs,
 * e-mail addresses and phone numbers are replaced by a placeholder naming what was removed.
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // IBAN: two letters, two check digits, then 11–30 alphanumerics, possibly grouped by spaces.
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi, '[IBAN]'],
  // NIR: sex digit, year, month, département (2A/2B for Corsica), commune, order, optional key; spaces allowed.
  [
    /\b[12][ .-]?\d{2}[ .-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?\b/gi,
    '[NIR]',
  ],
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[EMAIL]'],
  // French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX, with spaces, dots or dashes.
  [/(?:\+33[ .-]?|\b0)[1-9](?:[ .-]?\d{2}){4}\b/g, '[TEL]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [pattern, label]) => acc.replace(pattern, label), text);
}

/**
 * A URL with its password replaced by `***` (`redis://user:***@host:6379/0`), for logs and error messages. Works
 * on the text as written, valid URL or not, and hides everything up to the last `@` of the authority.
 */
export function redactUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:?#]*:)[^/?#]+@/i, '$1***@');
}
