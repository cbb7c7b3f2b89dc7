/**
 * The YAML front matter of a `problem.md`: written as YAML that is also
 * JSON on each line (so every value is quoted exactly), and read back from
 * the subset of YAML that problem files use (docs/PROBLEMS.md): plain,
 * quoted and block scalars, flow and block lists of scalars, comments.
 */

export type FrontValue = string | number | boolean | null | FrontValue[];

export interface IFrontMatter {
  /**
   * The values by key; what cannot be read is left out.
   */
  values: { [key: string]: FrontValue };
  /**
   * The Markdown after the front matter.
   */
  body: string;
}

const FENCE = /^---[ \t]*$/;

/**
 * A string as a YAML double-quoted scalar (JSON's escapes, and the C1
 * controls YAML does not allow raw).
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
}

/**
 * A number as YAML 1.1 reads it back as a number (`1.0e-06`, not `1e-6`).
 */
export function yamlNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    return String(value);
  }
  const text = String(value);
  const match = /^(-?\d+)(\.\d+)?e([+-]?)(\d+)$/.exec(text);
  if (match === null) {
    return text;
  }
  const [, whole, fraction, sign, exponent] = match;
  return `${whole}${fraction ?? '.0'}e${sign || '+'}${exponent}`;
}

/**
 * Write `problem.md`: the front matter, one `key: value` per line, then
 * the body.
 */
export function writeFrontMatter(
  entries: ReadonlyArray<readonly [string, FrontValue]>,
  body: string
): string {
  const lines = entries.map(([key, value]) => `${key}: ${yamlValue(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

function yamlValue(value: FrontValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(yamlValue).join(', ')}]`;
  }
  if (typeof value === 'string') {
    return yamlString(value);
  }
  if (typeof value === 'number') {
    return yamlNumber(value);
  }
  return String(value);
}

/**
 * Read `problem.md`; null when it has no front matter.
 */
export function readFrontMatter(text: string): IFrontMatter | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length === 0 || !FENCE.test(lines[0])) {
    return null;
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) {
    return null;
  }
  return {
    values: readMapping(lines.slice(1, end)),
    body: lines
      .slice(end + 1)
      .join('\n')
      .trim()
  };
}

function indentOf(line: string): number {
  return line.length - line.replace(/^\s+/, '').length;
}

function isBlank(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function readMapping(lines: string[]): { [key: string]: FrontValue } {
  const values: { [key: string]: FrontValue } = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const match = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
    i++;
    if (match === null || indentOf(line) > 0) {
      continue;
    }
    const key = match[1];
    const inline = (match[2] ?? '').trim();
    // The lines that belong to this key: blank ones and indented ones.
    const start = i;
    while (
      i < lines.length &&
      (lines[i].trim() === '' ||
        indentOf(lines[i]) > 0 ||
        /^-[ \t]/.test(lines[i]))
    ) {
      i++;
    }
    const nested = lines.slice(start, i);
    const value = readValue(inline, nested);
    if (value !== undefined) {
      values[key] = value;
    }
  }
  return values;
}

function readValue(inline: string, nested: string[]): FrontValue | undefined {
  if (/^[>|][-+]?\d*$/.test(inline.replace(/\s+#.*$/, ''))) {
    return readBlockScalar(inline.startsWith('>'), inline, nested);
  }
  if (inline === '' || inline.startsWith('#')) {
    const items = nested.filter(line => !isBlank(line));
    if (items.length > 0 && /^-(\s|$)/.test(items[0].trim())) {
      return readBlockList(nested);
    }
    return items.length > 0 ? plainLines(items) : null;
  }
  const more = nested.filter(line => !isBlank(line));
  if (more.length > 0 && !/^["'[{]/.test(inline)) {
    // A plain scalar over several lines: folded with spaces.
    return plainLines([inline, ...more]);
  }
  return readScalar(inline);
}

function readBlockScalar(
  folded: boolean,
  header: string,
  lines: string[]
): string {
  const content = [...lines];
  while (content.length > 0 && content[content.length - 1].trim() === '') {
    content.pop();
  }
  const indents = content.filter(l => l.trim() !== '').map(indentOf);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  const raw = content.map(line => line.slice(indent));
  let text: string;
  if (folded) {
    text = raw
      .join('\n')
      .split(/\n{2,}/)
      .map(paragraph => paragraph.replace(/\n(?!\s)/g, ' '))
      .join('\n');
  } else {
    text = raw.join('\n');
  }
  return header.includes('-') ? text : `${text}\n`;
}

function readBlockList(lines: string[]): FrontValue[] {
  const items: string[][] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      continue;
    }
    const match = /^\s*-(?:\s+(.*))?$/.exec(line);
    if (match !== null) {
      items.push([match[1] ?? '']);
    } else if (items.length > 0) {
      items[items.length - 1].push(line.trim());
    }
  }
  return items.map(parts =>
    parts.length === 1 ? readScalar(parts[0]) : plainLines(parts)
  );
}

function plainLines(lines: string[]): string {
  return lines
    .map(line => stripComment(line.trim()))
    .join(' ')
    .trim();
}

function stripComment(text: string): string {
  return text.replace(/\s+#.*$/, '');
}

function readScalar(raw: string): FrontValue {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const end = closingQuote(text);
    try {
      return JSON.parse(text.slice(0, end + 1)) as string;
    } catch {
      return text.slice(1, end);
    }
  }
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'/.exec(text);
    return match ? match[1].replace(/''/g, "'") : text.slice(1);
  }
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as FrontValue[]; // as this module writes lists
    } catch {
      // A YAML flow list, perhaps followed by a comment.
    }
    const inner = stripComment(text).replace(/^\[/, '').replace(/\]$/, '');
    if (inner.trim() === '') {
      return [];
    }
    try {
      return JSON.parse(`[${inner}]`) as FrontValue[];
    } catch {
      return inner.split(',').map(item => readScalar(item));
    }
  }
  const plain = stripComment(text);
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) {
    return Number(plain);
  }
  if (/^(true|false)$/i.test(plain)) {
    return plain.toLowerCase() === 'true';
  }
  if (/^(null|~)$/.test(plain)) {
    return null;
  }
  return plain;
}

/**
 * Where a double-quoted scalar ends (its closing quote's index).
 */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '"') {
      return i;
    }
  }
  return text.length - 1;
}
