import { readFileSync } from 'fs';

// Count the pairs i < j with a[i] + a[j] === target.
function countPairs(a: number[], target: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, target] = data;
console.log(String(countPairs(data.slice(2, 2 + n), target)));
