/**
 * What the run console's form holds, and the run request made of it.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import {
  CompareKind,
  IRunCreate,
  IRunLanguage,
  ITestCaseIn,
  RunMode
} from './runTypes';

/**
 * A test case being written.
 */
export interface ITestDraft {
  /**
   * A stable React key.
   */
  readonly key: number;
  readonly input: string;
  readonly expected: string;
  readonly hidden: boolean;
}

/**
 * The values of the form.
 */
export interface IRunForm {
  /**
   * A language id; '' until the languages are known.
   */
  readonly language: string;
  readonly entry: string;
  /**
   * The user changed the entry: a new language keeps it.
   */
  readonly entryEdited: boolean;
  readonly stdin: string;
  readonly stdinOpen: boolean;
  readonly mode: RunMode;
  readonly tests: ReadonlyArray<ITestDraft>;
  readonly compare: CompareKind;
  readonly tolerance: string;
  readonly checker: string;
}

let nextKey = 1;

/**
 * A new, empty test case.
 */
export function newTest(): ITestDraft {
  return { key: nextKey++, input: '', expected: '', hidden: false };
}

export const EMPTY_FORM: IRunForm = {
  language: '',
  entry: '',
  entryEdited: false,
  stdin: '',
  stdinOpen: false,
  mode: 'run',
  tests: [],
  compare: 'whitespace',
  tolerance: '1e-6',
  checker: ''
};

/**
 * The first available language of `preferred` (ids, '' skipped), else the
 * first available one.
 */
export function pickLanguage(
  languages: ReadonlyArray<IRunLanguage>,
  preferred: ReadonlyArray<string>
): IRunLanguage | null {
  for (const id of preferred) {
    const found = languages.find(lang => lang.id === id && lang.available);
    if (id && found) {
      return found;
    }
  }
  return languages.find(lang => lang.available) ?? null;
}

/**
 * The form with another language; the entry follows unless edited.
 */
export function withLanguage(form: IRunForm, language: IRunLanguage): IRunForm {
  return {
    ...form,
    language: language.id,
    entry: form.entryEdited ? form.entry : language.file_name
  };
}

/**
 * Why the form's program cannot run (its language and entry), or null.
 */
export function programProblem(
  form: IRunForm,
  languages: ReadonlyArray<IRunLanguage> | null,
  trans: TranslationBundle
): string | null {
  const language = languages?.find(lang => lang.id === form.language);
  if (!language) {
    return trans.__('Choose a language.');
  }
  if (!language.available) {
    return trans.__('%1 is not installed on this server.', language.name);
  }
  if (!form.entry.trim()) {
    return trans.__('Say which file to run.');
  }
  return null;
}

/**
 * Why the form cannot be sent, or null.
 */
export function formProblem(
  form: IRunForm,
  languages: ReadonlyArray<IRunLanguage> | null,
  trans: TranslationBundle
): string | null {
  const program = programProblem(form, languages, trans);
  if (program !== null) {
    return program;
  }
  if (form.mode === 'judge') {
    if (form.tests.length === 0) {
      return trans.__('Add at least one test case.');
    }
    if (form.compare === 'float' && !isTolerance(form.tolerance)) {
      return trans.__('The tolerance is a number from 0 to 1.');
    }
    if (form.compare === 'custom' && !form.checker.trim()) {
      return trans.__('A custom comparison needs a checker.');
    }
  }
  return null;
}

function isTolerance(text: string): boolean {
  const value = Number(text);
  return (
    text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1
  );
}

/**
 * The request running the session's files as the form says.
 */
export function runBody(form: IRunForm, sessionId: string): IRunCreate {
  const body: IRunCreate = {
    language: form.language,
    session_id: sessionId,
    entry: form.entry.trim(),
    mode: form.mode
  };
  if (form.mode === 'run') {
    body.stdin = form.stdin;
    return body;
  }
  body.tests = form.tests.map((test): ITestCaseIn => ({
    input: test.input,
    expected: test.expected,
    hidden: test.hidden
  }));
  body.compare = { kind: form.compare };
  if (form.compare === 'float') {
    body.compare.tolerance = Number(form.tolerance);
  }
  if (form.compare === 'custom') {
    body.compare.checker = form.checker;
  }
  return body;
}

/**
 * The request judging the session's files against its problem's own
 * cases (hidden ones included): a submission.
 */
export function submitBody(
  form: IRunForm,
  sessionId: string,
  problemId: string
): IRunCreate {
  return {
    language: form.language,
    session_id: sessionId,
    entry: form.entry.trim(),
    mode: 'judge',
    problem_id: problemId
  };
}
