import { readFileSync } from 'fs';

// Return the largest sum of a non-empty run of consecutive elements of a.
function maxSubarraySum(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(maxSubarraySum(data.slice(1, 1 + n))));
