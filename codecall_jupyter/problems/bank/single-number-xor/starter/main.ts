import { readFileSync } from 'fs';

// The two values that appear once in a (every other value appears twice), smaller first.
function lonelyPair(a: number[]): [number, number] {
  return [0, 0];
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const [x, y] = lonelyPair(data.slice(1, 1 + n));
console.log(`${x} ${y}`);
