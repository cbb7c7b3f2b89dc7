import { readFileSync } from 'fs';

// Sum over the queries [u, v] of the lowest common ancestor; parent[v] is v's parent.
function lcaSum(n: number, parent: number[], queries: [number, number][]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const parent: number[] = [0, 0].concat(data.slice(1, n)); // parent[0], parent[1] unused
const q = data[n];
const queries: [number, number][] = [];
for (let i = 0; i < q; i++) queries.push([data[n + 1 + 2 * i], data[n + 2 + 2 * i]]);
console.log(String(lcaSum(n, parent, queries)));
