import { readFileSync } from 'fs';

// Return the sum over all days of the days until a strictly warmer one (0 if never).
function totalWait(t: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
console.log(String(totalWait(data.slice(1, 1 + n))));
