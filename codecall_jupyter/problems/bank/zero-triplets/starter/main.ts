import { readFileSync } from 'fs';

// Count the different value trios x <= y <= z, from three positions of a, with x + y + z === 0.
function zeroTriplets(a: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
console.log(String(zeroTriplets(data.slice(1, 1 + n))));
