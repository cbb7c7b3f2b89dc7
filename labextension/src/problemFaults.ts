/**
 * Where in the problem editor each fault the server found belongs: a
 * fault names a file of the problem's folder, the editor shows it beside
 * the field that makes that file.
 */
import { IProblemDraft, caseNames, programFile } from './problemDraft';
import { IProblemFault } from './problemTypes';

/**
 * The places of the editor a fault can be shown at: `id`, `meta` (problem.md),
 * `examples`, `hidden`, `starters`, `solutions` (a whole folder), or one
 * case or program (`case:<key>`, `program:<key>`); `general` for the rest.
 */
export type FaultPlaces = ReadonlyMap<string, ReadonlyArray<IProblemFault>>;

export function casePlace(key: number): string {
  return `case:${key}`;
}

export function programPlace(key: number): string {
  return `program:${key}`;
}

/**
 * Where a fault about `file` goes, for the draft that was sent.
 */
export function placeOf(file: string, draft: IProblemDraft): string {
  if (file === 'problem.md') {
    return 'meta';
  }
  if (file === 'id') {
    return 'id';
  }
  const names = caseNames(draft);
  for (const [folder, cases, stems] of [
    ['examples', draft.examples, names.examples],
    ['hidden', draft.hidden, names.hidden]
  ] as const) {
    const prefix = `tests/${folder}`;
    if (file === prefix) {
      return folder;
    }
    if (file.startsWith(`${prefix}/`)) {
      const stem = file.slice(prefix.length + 1).replace(/\.(in|out|md)$/, '');
      const index = stems.indexOf(stem);
      return index >= 0 ? casePlace(cases[index].key) : folder;
    }
  }
  if (file === 'tests') {
    return 'examples';
  }
  for (const [folder, place, programs] of [
    ['starter', 'starters', draft.starters],
    ['solutions', 'solutions', draft.solutions]
  ] as const) {
    if (file === folder) {
      return place;
    }
    if (file.startsWith(`${folder}/`)) {
      const name = file.slice(folder.length + 1);
      const program = programs.find(p => programFile(p.language) === name);
      return program ? programPlace(program.key) : place;
    }
  }
  return 'general';
}

/**
 * The faults grouped by place.
 */
export function placeFaults(
  faults: ReadonlyArray<IProblemFault>,
  draft: IProblemDraft
): FaultPlaces {
  const places = new Map<string, IProblemFault[]>();
  for (const fault of faults) {
    const place = placeOf(fault.file, draft);
    places.set(place, [...(places.get(place) ?? []), fault]);
  }
  return places;
}
