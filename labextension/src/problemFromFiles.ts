/**
 * A problem of mine (its files, as the server keeps them) back into an
 * editor draft. What the editor has no field for is kept as it is.
 */
import { FrontValue, readFrontMatter } from './frontMatter';
import {
  ICaseDraft,
  IProblemDraft,
  IProgramDraft,
  newHint,
  newKey
} from './problemDraft';
import {
  IOwnProblem,
  PROBLEM_COMPARES,
  PROGRAM_FILES,
  ProblemCompare
} from './problemTypes';

type Section = 'Input' | 'Output' | 'Constraints';

/**
 * A statement body split into its text and its Input, Output and
 * Constraints sections.
 */
export function splitStatement(body: string): {
  statement: string;
  sections: Record<Section, string>;
} {
  const sections: Record<Section, string> = {
    Input: '',
    Output: '',
    Constraints: ''
  };
  const heading = /^## (Input|Output|Constraints)[ \t]*$/gm;
  const marks: Array<{ name: Section; start: number; end: number }> = [];
  let match: RegExpExecArray | null;
  while ((match = heading.exec(body)) !== null) {
    marks.push({
      name: match[1] as Section,
      start: match.index,
      end: match.index + match[0].length
    });
  }
  const names = new Set(marks.map(mark => mark.name));
  if (names.size < marks.length) {
    // A section twice: keep the text whole rather than lose a part.
    return { statement: body.trim(), sections };
  }
  const statement = marks.length > 0 ? body.slice(0, marks[0].start) : body;
  marks.forEach((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].start : body.length;
    sections[mark.name] = body.slice(mark.end, end).trim();
  });
  return { statement: statement.trim(), sections };
}

function text(value: FrontValue | undefined, fallback = ''): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

function withoutFinalNewline(value: string): string {
  return value.replace(/\n$/, '');
}

/**
 * The cases of one tests folder, in name order; their files are used up.
 */
function readCases(
  files: { [path: string]: string },
  folder: string,
  used: Set<string>
): ICaseDraft[] {
  const prefix = `tests/${folder}/`;
  const stems = new Set<string>();
  for (const path of Object.keys(files)) {
    const rest = path.slice(prefix.length);
    const match = /^([^/]+)\.(in|out|md)$/.exec(rest);
    if (path.startsWith(prefix) && match !== null) {
      stems.add(match[1]);
    }
  }
  const cases: ICaseDraft[] = [];
  for (const stem of [...stems].sort()) {
    const base = prefix + stem;
    if (!(`${base}.in` in files) || !(`${base}.out` in files)) {
      continue; // incomplete: kept as it is, for the server to name
    }
    for (const ext of ['in', 'out', 'md']) {
      used.add(`${base}.${ext}`);
    }
    cases.push({
      key: newKey(),
      name: stem,
      input: withoutFinalNewline(files[`${base}.in`]),
      expected: withoutFinalNewline(files[`${base}.out`]),
      explanation: (files[`${base}.md`] ?? '').trim()
    });
  }
  return cases;
}

function readPrograms(
  files: { [path: string]: string },
  folder: string,
  used: Set<string>
): IProgramDraft[] {
  const programs: IProgramDraft[] = [];
  for (const [language, file] of PROGRAM_FILES) {
    const path = `${folder}/${file}`;
    if (path in files) {
      used.add(path);
      programs.push({ key: newKey(), language, source: files[path] });
    }
  }
  return programs;
}

export function draftFromProblem(own: IOwnProblem): IProblemDraft {
  const { files, problem } = own;
  const used = new Set<string>(['problem.md']);
  const parsed = readFrontMatter(files['problem.md'] ?? '');
  const values = parsed?.values ?? {};
  const { statement, sections } = splitStatement(parsed?.body ?? '');
  const hints = Array.isArray(values.hints)
    ? values.hints.filter((h): h is string => typeof h === 'string')
    : [];
  const compare = (PROBLEM_COMPARES as readonly string[]).includes(
    problem.compare
  )
    ? (problem.compare as ProblemCompare)
    : 'whitespace';
  const tolerance = values.tolerance;
  const examples = readCases(files, 'examples', used);
  const hidden = readCases(files, 'hidden', used);
  const starters = readPrograms(files, 'starter', used);
  const solutions = readPrograms(files, 'solutions', used);
  const extra: { [path: string]: string } = {};
  for (const path of Object.keys(files)) {
    if (!used.has(path)) {
      extra[path] = files[path];
    }
  }
  return {
    id: own.id,
    title: problem.title,
    difficulty: problem.difficulty,
    tags: [...problem.tags],
    timeLimit: String(problem.time_limit),
    compare,
    tolerance:
      typeof tolerance === 'number' || typeof tolerance === 'string'
        ? String(tolerance)
        : '1e-6',
    kind: problem.kind,
    statement,
    input: sections.Input,
    output: sections.Output,
    constraints: sections.Constraints,
    hints: hints.map(hint => newHint(hint)),
    followUp: text(values.follow_up),
    examples,
    hidden,
    starters,
    solutions,
    visibility: own.visibility,
    extra
  };
}
