import { readFileSync } from 'fs';

// Merge overlapping bookings; return the number of blocks and the total time they cover.
function mergeBookings(bookings: [number, number][]): [number, number] {
  return [0, 0];
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
const bookings: [number, number][] = [];
for (let i = 0; i < n; i++) bookings.push([data[1 + 2 * i], data[2 + 2 * i]]);
const [blocks, covered] = mergeBookings(bookings);
console.log(blocks + ' ' + covered);
