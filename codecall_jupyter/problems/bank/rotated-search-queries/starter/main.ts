import { readFileSync } from 'fs';

// The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
function sumOfPositions(a: number[], queries: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const a = data.slice(1, 1 + n);
const q = data[1 + n];
const queries = data.slice(2 + n, 2 + n + q);
console.log(String(sumOfPositions(a, queries)));
