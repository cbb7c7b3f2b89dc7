import { readFileSync } from 'fs';

// Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
function shortestPath(grid: string[]): number {
  return 0;
}

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const rows = Number(data[0]);
const grid: string[] = data.slice(2, 2 + rows); // rows of '.', '#', 'S' and 'E'
console.log(String(shortestPath(grid)));
