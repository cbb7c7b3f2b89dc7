import { readFileSync } from 'fs';

// Return the length of the shortest substring of s holding every character of t
// (with multiplicity), or 0 if there is none.
function shortestCover(s: string, t: string): number {
  return 0;
}

const [s, t]: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
console.log(String(shortestCover(s, t)));
