import { readFileSync } from 'fs';

// The smallest pace k with sum of ceil(p / k) over all documents at most h.
function slowestPace(pages: number[], h: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, h] = data;
console.log(String(slowestPace(data.slice(2, 2 + n), h)));
