import { readFileSync } from 'fs';

// Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
function widestReservoir(h: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(widestReservoir(data.slice(1, 1 + n))));
