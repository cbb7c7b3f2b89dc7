/**
 * The parts of a problem's statement Markdown (as the server builds it:
 * `# Title`, the body, then `## Examples` made from the example cases).
 */

/**
 * The body of a statement: without its leading title (shown apart) and
 * without the examples section (shown from the example cases).
 */
export function statementBody(statement: string): string {
  let text = statement.replace(/^\s*# [^\n]*\n/, '');
  const examples = /^## Examples[ \t]*$/gm;
  let last = -1;
  let match: RegExpExecArray | null;
  while ((match = examples.exec(text)) !== null) {
    last = match.index;
  }
  if (last >= 0) {
    text = text.slice(0, last);
  }
  return text.trim();
}

/**
 * Source code as a fenced Markdown block (the fence longer than any run of
 * backticks in the code), so the Markdown renderer highlights it.
 */
export function fencedCode(source: string, language: string): string {
  const runs = source.match(/`+/g) ?? [];
  const longest = runs.reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${source.replace(/\n$/, '')}\n${fence}\n`;
}
