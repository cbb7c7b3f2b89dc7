import { readFileSync } from 'fs';

// Return the sum of the lower medians of a[0..i] for every i.
function medianSum(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
console.log(String(medianSum(data.slice(1, 1 + n))));
