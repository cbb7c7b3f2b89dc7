import { readFileSync } from 'fs';

// The length of the longest strictly increasing subsequence of a.
function longestRise(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(longestRise(data.slice(1, 1 + n))));
