const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Sum over the queries [u, v] of the lowest common ancestor (the root is node 1).
 * @param {number} n
 * @param {number[]} parent parent[v] is the parent of node v (2 <= v <= n)
 * @param {number[][]} queries pairs [u, v]
 * @returns {number}
 */
function lcaSum(n, parent, queries) {
  return 0;
}

const n = data[0];
const parent = [0, 0].concat(data.slice(1, n)); // parent[0] and parent[1] are unused
const q = data[n];
const queries = [];
for (let i = 0; i < q; i++) queries.push([data[n + 1 + 2 * i], data[n + 2 + 2 * i]]);
console.log(String(lcaSum(n, parent, queries)));
