/**
 * Small helpers shared by the UI.
 */
import { Clipboard, Notification } from '@jupyterlab/apputils';
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { IInviteSummary } from './types';

/**
 * Make a server path (e.g. an invite url) absolute for sharing.
 */
export function absoluteUrl(path: string): string {
  try {
    return new URL(path, window.location.origin).href;
  } catch {
    return window.location.origin + path;
  }
}

/**
 * Navigate the browser to the Jupyter logout page.
 */
export function logout(): void {
  window.location.assign(URLExt.join(PageConfig.getBaseUrl(), 'logout'));
}

/**
 * Copy a text to the system clipboard and confirm it with a notification.
 */
export function copyText(text: string, trans: TranslationBundle): void {
  Clipboard.copyToSystem(text);
  Notification.success(trans.__('Link copied to the clipboard'), {
    autoClose: 3000
  });
}

/**
 * Format an ISO-8601 date for display.
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * The state of an invite.
 */
export type InviteState = 'active' | 'revoked' | 'expired' | 'used';

/**
 * Compute the state of an invite at `now`.
 */
export function inviteState(
  invite: IInviteSummary,
  now: number = Date.now()
): InviteState {
  if (invite.revoked) {
    return 'revoked';
  }
  const expires = new Date(invite.expires_at).getTime();
  if (!isNaN(expires) && expires <= now) {
    return 'expired';
  }
  if (invite.uses >= invite.max_uses) {
    return 'used';
  }
  return 'active';
}

/**
 * The translated label of an invite state.
 */
export function inviteStateLabel(
  state: InviteState,
  trans: TranslationBundle
): string {
  switch (state) {
    case 'revoked':
      return trans.__('Revoked');
    case 'expired':
      return trans.__('Expired');
    case 'used':
      return trans.__('Used up');
    default:
      return trans.__('Active');
  }
}

/**
 * Format the time of an ISO-8601 date (hours and minutes) for display.
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return isNaN(date.getTime())
    ? iso
    : date.toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit'
      });
}

/**
 * Format the day of an ISO-8601 date for display.
 */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}
