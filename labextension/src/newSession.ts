/**
 * The "New practice session" flow: a dialog, then the session's panel.
 *
 * Resolves (never rejects): errors are shown to the user.
 */
import { Dialog, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { CodeCallApiError, errorMessage } from './api';
import { NewSessionDialogBody } from './components/NewSessionForm';
import {
  INewSessionValue,
  emptyNewSession,
  toSessionCreate
} from './newSessionValue';
import { FriendsModel } from './friendsModel';
import { SessionsModel } from './sessionsModel';
import { languageLabel } from './labels';
import { IProblemSummary } from './problemTypes';
import { ILanguageChoice } from './sessionActions';
import { LANGUAGES, Language } from './types';

export interface INewSessionOptions {
  sessions: SessionsModel;
  friends: FriendsModel;
  trans: TranslationBundle;
  defaultLanguage: Language;
  openSession: (sessionId: string) => void;
  languages: () => Promise<ILanguageChoice[]>;
  /**
   * Search the problems I can use.
   */
  searchProblems: (text: string) => Promise<IProblemSummary[]>;
  /**
   * A problem to start with ("Practice this problem").
   */
  problem?: IProblemSummary | null;
}

/**
 * The server's languages, or the built-in seven when the list cannot be loaded.
 */
async function languageChoices(
  load: () => Promise<ILanguageChoice[]>,
  trans: TranslationBundle
): Promise<ILanguageChoice[]> {
  try {
    const loaded = await load();
    if (loaded.length > 0) {
      return loaded;
    }
  } catch {
    // Fall through: the session can still be made in a built-in language.
  }
  return LANGUAGES.map(id => ({
    id,
    name: languageLabel(id, trans),
    available: true
  }));
}

function isFormError(error: unknown): error is CodeCallApiError {
  return (
    error instanceof CodeCallApiError &&
    (error.status === 400 || error.status === 422)
  );
}

export async function newSession(options: INewSessionOptions): Promise<void> {
  const { sessions, friends, trans } = options;
  if (friends.friends.state.data === null) {
    await friends.friends.refresh();
  }
  const friendList = friends.friends.state.data ?? [];
  const languages = await languageChoices(options.languages, trans);
  let value: INewSessionValue = emptyNewSession(
    options.defaultLanguage,
    options.problem ?? null
  );
  let error: string | null = null;
  for (;;) {
    const result = await showDialog<INewSessionValue>({
      title: trans.__('New practice session'),
      body: new NewSessionDialogBody(
        value,
        friendList,
        languages,
        error,
        options.searchProblems,
        trans
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Create session') })
      ],
      focusNodeSelector: 'input'
    });
    if (!result.button.accept || result.value === null) {
      return;
    }
    value = result.value;
    const spec = toSessionCreate(value, trans);
    if (typeof spec === 'string') {
      error = spec;
      continue;
    }
    try {
      const session = await sessions.create(spec);
      options.openSession(session.id);
      return;
    } catch (reason) {
      if (isFormError(reason)) {
        error = reason.message;
        continue;
      }
      await showErrorMessage(
        trans.__('Could not create the session'),
        errorMessage(reason)
      );
      return;
    }
  }
}
