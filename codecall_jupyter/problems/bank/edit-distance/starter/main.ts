import { readFileSync } from 'fs';

// The fewest single-letter insertions, deletions and replacements that turn s into t.
function editDistance(s: string, t: string): number {
  return 0;
}

const [s, t]: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
console.log(String(editDistance(s, t)));
