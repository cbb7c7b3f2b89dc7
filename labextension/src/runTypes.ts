/**
 * Types of the code runner's REST API (`/codecall/api/languages`,
 * `/runner`, `/runs`) and of its channel messages (`run.*`).
 */

/**
 * A language the server knows (`GET /codecall/api/languages`).
 */
export interface IRunLanguage {
  id: string;
  name: string;
  /**
   * The entry file a new solution in it gets, e.g. `main.py`.
   */
  file_name: string;
  /**
   * What the toolchain reports, when installed.
   */
  version: string | null;
  available: boolean;
  starter: string;
}

export interface IRunLanguageList {
  languages: IRunLanguage[];
}

/**
 * How well the runner isolates programs.
 */
export type Isolation =
  'sandboxed' | 'reduced' | 'unsandboxed' | 'unavailable' | 'starting';

/**
 * The runner's status (`GET /codecall/api/runner`).
 */
export interface IRunnerStatus {
  isolation: Isolation;
  layers: { [layer: string]: string };
  problems: string[];
  /**
   * A banner every user should see, when set.
   */
  warning: string | null;
  running: number;
  queued: number;
  limits: { [limit: string]: number };
}

export type RunMode = 'run' | 'judge';

export type RunStatus = 'queued' | 'running' | 'done';

export type Verdict =
  'OK' | 'WA' | 'RE' | 'TLE' | 'MLE' | 'OLE' | 'CE' | 'CANCELLED' | 'IE';

export const COMPARE_KINDS = [
  'whitespace',
  'exact',
  'float',
  'custom'
] as const;

export type CompareKind = (typeof COMPARE_KINDS)[number];

/**
 * A test case sent with a judging.
 */
export interface ITestCaseIn {
  input: string;
  expected: string;
  hidden?: boolean;
}

/**
 * How a judging compares the output with the expected one.
 */
export interface IComparison {
  kind: CompareKind;
  tolerance?: number;
  checker?: string;
}

/**
 * The body of `POST /codecall/api/runs`.
 */
export interface IRunCreate {
  language: string;
  session_id?: string;
  entry?: string;
  code?: string;
  files?: { [path: string]: string };
  stdin?: string;
  mode: RunMode;
  tests?: ITestCaseIn[];
  compare?: IComparison;
  /**
   * Judge against this problem's own cases (the session's problem).
   */
  problem_id?: string;
}

/**
 * One test case of a judged run. A hidden case the caller may not see has
 * `verdict` `OK` or `FAIL` and no texts.
 */
export interface IRunCase {
  id: string;
  hidden: boolean;
  verdict: Verdict | 'FAIL';
  /**
   * Seconds.
   */
  wall: number | null;
  cpu: number | null;
  /**
   * Bytes.
   */
  memory: number | null;
  input: string | null;
  expected: string | null;
  stdout: string | null;
  stderr: string | null;
}

/**
 * A run or a judging.
 */
export interface IRun {
  id: string;
  session_id: string | null;
  user_id: number | null;
  language: string;
  mode: RunMode;
  entry: string;
  status: RunStatus;
  /**
   * Place in the queue while queued (1 = next).
   */
  position: number;
  verdict: Verdict | null;
  verdict_name: string | null;
  message: string;
  exit_code: number | null;
  signal: number | null;
  stdout: string;
  stderr: string;
  compile_output: string;
  truncated: boolean;
  wall_ms: number | null;
  cpu_ms: number | null;
  memory_bytes: number | null;
  passed: number | null;
  total: number | null;
  cases: IRunCase[] | null;
  created_at: string;
  finished_at: string | null;
}

export interface IRunList {
  runs: IRun[];
}

/**
 * The `run.*` messages of the session channel.
 */
export type RunEvent =
  | {
      type: 'run.queued';
      run_id: string;
      user_id?: number;
      language?: string;
      position?: number;
    }
  | { type: 'run.started'; run_id: string }
  | { type: 'run.output'; run_id: string; chunks: Array<[string, string]> }
  | { type: 'run.finished'; run_id: string; verdict: string };

/**
 * Whether a channel message is one of the `run.*` events.
 */
export function isRunEvent(data: {
  type: string;
  [key: string]: unknown;
}): data is RunEvent {
  return data.type.startsWith('run.') && typeof data.run_id === 'string';
}
