import { readFileSync } from 'fs';

// Return the sum, over arrivals k..n, of the k-th largest score received so far.
function thresholdSum(a: number[], k: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
console.log(String(thresholdSum(data.slice(2, 2 + n), k)));
