import { readFileSync } from 'fs';

// Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2).
// The answer is below 2^53, so a number holds it exactly.
function treeDiameter(n: number, parent: number[], weight: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const parent: number[] = [0, 0].concat(data.slice(1, n)); // index 0 and 1 are unused
const weight: number[] = [0, 0].concat(data.slice(n, 2 * n - 1));
console.log(String(treeDiameter(n, parent, weight)));
