/**
 * A problem being written in the editor, and the files of its folder
 * (docs/PROBLEMS.md) that it turns into.
 */
import { FrontValue, writeFrontMatter } from './frontMatter';
import {
  Difficulty,
  PROGRAM_FILES,
  ProblemCompare,
  Visibility
} from './problemTypes';

/**
 * A test case: an input and the output expected for it.
 */
export interface ICaseDraft {
  /**
   * A stable React key.
   */
  readonly key: number;
  /**
   * The file stem (`01-basic`); '' for a new case (named when saved).
   */
  readonly name: string;
  readonly input: string;
  readonly expected: string;
  /**
   * Markdown shown under an example; '' for none.
   */
  readonly explanation: string;
}

/**
 * A starter or a reference solution.
 */
export interface IProgramDraft {
  readonly key: number;
  readonly language: string;
  readonly source: string;
}

export interface IHintDraft {
  readonly key: number;
  readonly text: string;
}

export interface IProblemDraft {
  readonly id: string;
  readonly title: string;
  readonly difficulty: Difficulty;
  readonly tags: ReadonlyArray<string>;
  /**
   * Seconds per case, as typed.
   */
  readonly timeLimit: string;
  readonly compare: ProblemCompare;
  /**
   * For float and dataframe comparisons, as typed.
   */
  readonly tolerance: string;
  readonly kind: 'code' | 'data';
  /**
   * The statement's Markdown before its sections.
   */
  readonly statement: string;
  readonly input: string;
  readonly output: string;
  readonly constraints: string;
  readonly hints: ReadonlyArray<IHintDraft>;
  readonly followUp: string;
  readonly examples: ReadonlyArray<ICaseDraft>;
  readonly hidden: ReadonlyArray<ICaseDraft>;
  readonly starters: ReadonlyArray<IProgramDraft>;
  readonly solutions: ReadonlyArray<IProgramDraft>;
  readonly visibility: Visibility;
  /**
   * Files kept as they were (e.g. `solutions/naive.cpp`): the editor has no
   * field for them.
   */
  readonly extra: { readonly [path: string]: string };
}

let nextKey = 1;

export function newKey(): number {
  return nextKey++;
}

export function newCase(): ICaseDraft {
  return { key: newKey(), name: '', input: '', expected: '', explanation: '' };
}

export function newHint(text = ''): IHintDraft {
  return { key: newKey(), text };
}

export function newProgram(language: string, source = ''): IProgramDraft {
  return { key: newKey(), language, source };
}

const PYTHON_STARTER = `import sys


def solve(data: str) -> str:
    # Write your solution here.
    return ""


print(solve(sys.stdin.read()))
`;

/**
 * A blank problem: one example, a Python starter and solution to fill in.
 */
export function emptyDraft(): IProblemDraft {
  return {
    id: '',
    title: '',
    difficulty: 'easy',
    tags: [],
    timeLimit: '2',
    compare: 'whitespace',
    tolerance: '1e-6',
    kind: 'code',
    statement: '',
    input: '',
    output: '',
    constraints: '',
    hints: [],
    followUp: '',
    examples: [newCase()],
    hidden: [],
    starters: [newProgram('python', PYTHON_STARTER)],
    solutions: [newProgram('python', '')],
    visibility: 'private',
    extra: {}
  };
}

/**
 * The file name of a program in a language (the runner's entry file).
 */
export function programFile(language: string): string {
  const found = PROGRAM_FILES.find(([id]) => id === language);
  return found ? found[1] : language;
}

/**
 * The statement body: the text, then its Input, Output and Constraints
 * sections (empty ones left out).
 */
export function statementMarkdown(draft: IProblemDraft): string {
  const parts = [draft.statement.trim()];
  const sections: Array<[string, string]> = [
    ['Input', draft.input],
    ['Output', draft.output],
    ['Constraints', draft.constraints]
  ];
  for (const [title, text] of sections) {
    if (text.trim()) {
      parts.push(`## ${title}\n${text.trim()}`);
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

function frontMatter(
  draft: IProblemDraft
): Array<readonly [string, FrontValue]> {
  const entries: Array<readonly [string, FrontValue]> = [
    ['title', draft.title.trim()],
    ['difficulty', draft.difficulty],
    ['tags', [...draft.tags]]
  ];
  const limit = Number(draft.timeLimit);
  entries.push([
    'time_limit',
    draft.timeLimit.trim() && Number.isFinite(limit) ? limit : draft.timeLimit
  ]);
  if (draft.kind === 'data') {
    entries.push(['kind', 'data']);
  }
  const defaultCompare = draft.kind === 'data' ? 'dataframe' : 'whitespace';
  if (draft.compare !== defaultCompare) {
    entries.push(['compare', draft.compare]);
  }
  if (draft.compare === 'float' || draft.compare === 'dataframe') {
    const tolerance = Number(draft.tolerance);
    entries.push([
      'tolerance',
      Number.isFinite(tolerance) ? tolerance : draft.tolerance
    ]);
  }
  const hints = draft.hints.map(h => h.text.trim()).filter(Boolean);
  if (hints.length > 0) {
    entries.push(['hints', hints]);
  }
  if (draft.followUp.trim()) {
    entries.push(['follow_up', draft.followUp.trim()]);
  }
  return entries;
}

/**
 * The name of each case's files: its own, or the next free number.
 */
export function caseNames(draft: IProblemDraft): {
  examples: string[];
  hidden: string[];
} {
  const taken = new Set(
    [...draft.examples, ...draft.hidden].map(c => c.name).filter(Boolean)
  );
  let number = 0;
  const next = (kind: string): string => {
    let name: string;
    do {
      number++;
      name = `${String(number).padStart(2, '0')}-${kind}`;
    } while (taken.has(name));
    taken.add(name);
    return name;
  };
  return {
    examples: draft.examples.map(c => c.name || next('example')),
    hidden: draft.hidden.map(c => c.name || next('hidden'))
  };
}

function withNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/**
 * The problem's files, by path inside its folder.
 */
export function draftFiles(draft: IProblemDraft): { [path: string]: string } {
  const files: { [path: string]: string } = { ...draft.extra };
  files['problem.md'] = writeFrontMatter(
    frontMatter(draft),
    statementMarkdown(draft)
  );
  const names = caseNames(draft);
  const addCases = (
    folder: string,
    cases: ReadonlyArray<ICaseDraft>,
    stems: string[],
    explained: boolean
  ): void => {
    cases.forEach((item, i) => {
      const base = `tests/${folder}/${stems[i]}`;
      files[`${base}.in`] = withNewline(item.input);
      files[`${base}.out`] = withNewline(item.expected);
      if (explained && item.explanation.trim()) {
        files[`${base}.md`] = withNewline(item.explanation.trim());
      }
    });
  };
  addCases('examples', draft.examples, names.examples, true);
  addCases('hidden', draft.hidden, names.hidden, false);
  for (const program of draft.starters) {
    files[`starter/${programFile(program.language)}`] = program.source;
  }
  for (const program of draft.solutions) {
    files[`solutions/${programFile(program.language)}`] = program.source;
  }
  return files;
}

/**
 * Something missing from a draft.
 */
export interface IDraftProblem {
  /**
   * The field or file it concerns, as a fault would name it.
   */
  file: string;
  message: string;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

/**
 * What keeps the draft from being sent (checked before the server's own,
 * thorough checks); empty when nothing does.
 */
export function draftProblems(
  draft: IProblemDraft,
  messages: {
    id: string;
    title: string;
    tags: string;
    example: string;
    starter: string;
    solution: string;
    duplicate: (file: string) => string;
  }
): IDraftProblem[] {
  const found: IDraftProblem[] = [];
  if (!ID_PATTERN.test(draft.id) || draft.id.includes('--')) {
    found.push({ file: 'id', message: messages.id });
  }
  if (!draft.title.trim()) {
    found.push({ file: 'problem.md', message: messages.title });
  }
  if (draft.tags.length === 0) {
    found.push({ file: 'problem.md', message: messages.tags });
  }
  if (draft.examples.length === 0) {
    found.push({ file: 'tests/examples', message: messages.example });
  }
  if (draft.starters.length === 0) {
    found.push({ file: 'starter', message: messages.starter });
  }
  if (draft.solutions.length === 0) {
    found.push({ file: 'solutions', message: messages.solution });
  }
  for (const [folder, programs] of [
    ['starter', draft.starters],
    ['solutions', draft.solutions]
  ] as const) {
    const seen = new Set<string>();
    for (const program of programs) {
      const file = `${folder}/${programFile(program.language)}`;
      if (seen.has(file)) {
        found.push({ file, message: messages.duplicate(file) });
      }
      seen.add(file);
    }
  }
  return found;
}
