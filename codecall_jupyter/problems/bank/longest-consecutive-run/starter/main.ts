import { readFileSync } from 'fs';

// Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
function longestRun(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(longestRun(data.slice(1, 1 + n))));
