/**
 * Invite links of sessions: `<base>lab?codecall-join=<token>`.
 */

/**
 * The query parameter carrying the token.
 */
export const JOIN_PARAM = 'codecall-join';

/**
 * The tokens the server makes (`secrets.token_urlsafe`).
 */
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Get the token out of an invite link, or accept a bare token.
 *
 * Returns null when the text is neither.
 */
export function parseJoinToken(input: string): string | null {
  const text = input.trim();
  if (TOKEN.test(text)) {
    return text;
  }
  let url: URL;
  try {
    url = new URL(text, window.location.href);
  } catch {
    return null;
  }
  const token = (url.searchParams.get(JOIN_PARAM) ?? '').trim();
  return TOKEN.test(token) ? token : null;
}

/**
 * The token in the page's own URL, if it was opened from an invite link.
 */
export function joinTokenInPageUrl(): string | null {
  const value = new URL(window.location.href).searchParams.get(JOIN_PARAM);
  return value === null ? null : parseJoinToken(value);
}

/**
 * Remove the token from the page's URL so a reload does not join again.
 */
export function removeJoinTokenFromPageUrl(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(JOIN_PARAM)) {
    return;
  }
  url.searchParams.delete(JOIN_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
}
