import { readFileSync } from 'fs';

// Return the length of the longest substring of s with no repeated character.
function longestDistinct(s: string): number {
  return 0;
}

const s: string = readFileSync(0, 'utf8').trim();
console.log(String(longestDistinct(s)));
