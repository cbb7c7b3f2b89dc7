import { readFileSync } from 'fs';

// The largest sum of elements of a with no two of them adjacent.
// (Totals stay below 2^53, so plain numbers are exact.)
function bestHarvest(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(bestHarvest(data.slice(1, 1 + n))));
