import { readFileSync } from 'fs';

// Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
function countRuns(a: number[], k: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
console.log(String(countRuns(data.slice(2, 2 + n), k)));
