/**
 * Types of the problem bank's REST API (`/codecall/api/problems`,
 * `/sessions/{id}/problem`, `/me/progress`, `/me/sessions`).
 */

/**
 * How hard a problem is.
 */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * The tags a problem may carry (docs/PROBLEMS.md).
 */
export const PROBLEM_TAGS = [
  'arrays',
  'strings',
  'hashing',
  'two-pointers',
  'stacks',
  'queues',
  'trees',
  'graphs',
  'dynamic-programming',
  'intervals',
  'heaps',
  'design',
  'sorting',
  'binary-search',
  'math',
  'greedy',
  'linked-lists',
  'sliding-window',
  'prefix-sums',
  'matrix',
  'backtracking',
  'bit-manipulation',
  'recursion',
  'data',
  'pandas',
  'numpy'
] as const;

/**
 * The languages a problem's programs may be in, with their file names
 * (the runner's entry files).
 */
export const PROGRAM_FILES: ReadonlyArray<readonly [string, string]> = [
  ['python', 'solution.py'],
  ['javascript', 'main.js'],
  ['typescript', 'main.ts'],
  ['c', 'main.c'],
  ['cpp', 'main.cpp'],
  ['java', 'Main.java'],
  ['go', 'main.go'],
  ['rust', 'main.rs']
];

/**
 * Who may use a problem of mine: only me, or my friends too.
 */
export type Visibility = 'private' | 'friends';

/**
 * How a program's output is compared with the expected one.
 */
export const PROBLEM_COMPARES = [
  'whitespace',
  'exact',
  'float',
  'dataframe'
] as const;

export type ProblemCompare = (typeof PROBLEM_COMPARES)[number];

/**
 * A problem in a list (`GET /problems`).
 */
export interface IProblemSummary {
  id: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  kind: 'code' | 'data';
  /**
   * The languages it has a starter in.
   */
  languages: string[];
  /**
   * CodeCall's bank, the operator's folders, or a user's own problem.
   */
  source: 'bank' | 'folder' | 'user';
  owner_id: number | null;
  /**
   * A user's problem that their friends may use.
   */
  shared: boolean;
  /**
   * I have judged a solution with every case passing.
   */
  solved: boolean;
  cases: number;
  hints: number;
}

export interface IProblemList {
  problems: IProblemSummary[];
  total: number;
  /**
   * Every tag of the problems I can see.
   */
  tags: string[];
  invalid: number;
}

export interface IProblemExample {
  id: string;
  input: string;
  expected: string;
  explanation: string | null;
}

/**
 * A program of a problem: a starter or a reference solution.
 */
export interface IProgram {
  language: string;
  file: string;
  source: string;
}

/**
 * A problem (`GET /problems/{id}`).
 */
export interface IProblem extends IProblemSummary {
  /**
   * Markdown: the title, the statement and the examples.
   */
  statement: string;
  time_limit: number;
  compare: string;
  examples: IProblemExample[];
  starters: IProgram[];
}

/**
 * What only the interviewer sees of a session's problem.
 */
export interface IProblemGuide {
  hints: string[];
  solutions: IProgram[];
  follow_up: string;
  hidden_cases: number;
}

/**
 * `GET /sessions/{id}/problem`.
 */
export interface ISessionProblem {
  problem: IProblem;
  revealed_hints: string[];
  /**
   * For the host and interviewers only.
   */
  guide: IProblemGuide | null;
}

/**
 * `POST /sessions/{id}/problem/hints`.
 */
export interface IHintReveal {
  revealed_hints: string[];
  remaining: number;
}

/**
 * The filters of `GET /problems`.
 */
export interface IProblemQuery {
  q: string;
  difficulty: Difficulty | '';
  tag: string;
  language: string;
  solved: 'yes' | 'no' | '';
  mine: boolean;
}

export const EMPTY_PROBLEM_QUERY: IProblemQuery = {
  q: '',
  difficulty: '',
  tag: '',
  language: '',
  solved: '',
  mine: false
};

/**
 * The body of `POST /problems` and `PUT /problems/{id}`.
 */
export interface IProblemFilesIn {
  id: string;
  visibility: Visibility;
  /**
   * The files of the problem's folder by relative path.
   */
  files: { [path: string]: string };
}

/**
 * A problem of mine with its files.
 */
export interface IOwnProblem {
  id: string;
  visibility: Visibility;
  files: { [path: string]: string };
  problem: IProblem;
}

/**
 * A fault of a problem: the file it is in ('' for the whole problem).
 */
export interface IProblemFault {
  file: string;
  message: string;
}

export interface ISolvedCount {
  key: string;
  solved: number;
  total: number;
}

export interface IDayCount {
  /**
   * ISO date (UTC).
   */
  day: string;
  solved: number;
  judged: number;
}

/**
 * `GET /me/progress`.
 */
export interface IProgress {
  solved: number;
  attempted: number;
  by_difficulty: ISolvedCount[];
  by_tag: ISolvedCount[];
  /**
   * Each day with a judging, oldest first.
   */
  days: IDayCount[];
  current_streak: number;
  longest_streak: number;
}

/**
 * A session of mine that ended (`GET /me/sessions`).
 */
export interface IPastSession {
  session_id: string;
  title: string;
  problem_id: string | null;
  problem_title: string | null;
  role: string;
  host: boolean;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  /**
   * The best judging's verdict in the session.
   */
  result: string | null;
  tests_passed: number | null;
  tests_total: number | null;
  feedback_received: number;
}

export interface IPastSessions {
  sessions: IPastSession[];
}
