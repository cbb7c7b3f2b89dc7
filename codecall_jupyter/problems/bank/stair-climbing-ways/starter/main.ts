import { readFileSync } from 'fs';

// The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1_000_000_007.
function countWays(n: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n] = data;
console.log(String(countWays(n)));
