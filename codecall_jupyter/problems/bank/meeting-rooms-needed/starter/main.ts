import { readFileSync } from 'fs';

// Return the minimum number of rooms that hosts every meeting [s, e).
function roomsNeeded(meetings: [number, number][]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n: number = data[0];
const meetings: [number, number][] = [];
for (let i = 0; i < n; i++) meetings.push([data[1 + 2 * i], data[2 + 2 * i]]);
console.log(String(roomsNeeded(meetings)));
