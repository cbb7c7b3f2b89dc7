import { readFileSync } from 'fs';

// Number of groups of '#' cells connected up, down, left or right.
function countIslands(grid: string[]): number {
  return 0;
}

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const rows = Number(data[0]);
const grid: string[] = data.slice(2, 2 + rows); // rows of '#' (land) and '.' (water)
console.log(String(countIslands(grid)));
