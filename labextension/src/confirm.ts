/**
 * Ask the user to confirm an action.
 */
import { Dialog, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { errorMessage } from './api';

export interface IConfirmOptions {
  title: string;
  body: string;
  /**
   * The label of the button that confirms.
   */
  accept: string;
  /**
   * Whether the action destroys something (a warning button).
   */
  warn?: boolean;
  trans: TranslationBundle;
}

/**
 * Resolve to whether the user confirmed.
 */
export async function confirm(options: IConfirmOptions): Promise<boolean> {
  const { trans } = options;
  const acceptButton = options.warn
    ? Dialog.warnButton({ label: options.accept })
    : Dialog.okButton({ label: options.accept });
  const result = await showDialog({
    title: options.title,
    body: options.body,
    buttons: [Dialog.cancelButton({ label: trans.__('Cancel') }), acceptButton]
  });
  return result.button.accept;
}

/**
 * Run an action and show its error, if any, in a dialog.
 *
 * Resolves to whether the action succeeded; never rejects.
 */
export async function attempt(
  action: () => Promise<unknown>,
  failureTitle: string
): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    await showErrorMessage(failureTitle, errorMessage(error));
    return false;
  }
}
