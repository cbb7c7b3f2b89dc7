import { readFileSync } from 'fs';

// Return the largest area of a rectangle standing on the ground under the skyline h.
function largestRectangle(h: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
console.log(String(largestRectangle(data.slice(1, 1 + n))));
