import { readFileSync } from 'fs';

// Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (2 <= v <= n).
function treeHeight(n: number, parent: number[]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const parent: number[] = [0, 0].concat(data.slice(1, n)); // parent[0], parent[1] unused
console.log(String(treeHeight(n, parent)));
