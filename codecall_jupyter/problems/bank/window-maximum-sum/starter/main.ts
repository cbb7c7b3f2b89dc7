import { readFileSync } from 'fs';

// Return the sum of the maxima of all windows of k consecutive values of a.
function windowMaxSum(a: number[], k: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, k] = data;
console.log(String(windowMaxSum(data.slice(2, 2 + n), k)));
