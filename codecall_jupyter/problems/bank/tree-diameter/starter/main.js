const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Largest distance between two nodes of the tree (node 1 is the root).
 * Lengths fit in a double exactly: the answer is below 2^53.
 * @param {number} n
 * @param {number[]} parent parent[v] is the parent of node v (2 <= v <= n)
 * @param {number[]} weight weight[v] is the length of the edge between v and parent[v]
 * @returns {number}
 */
function treeDiameter(n, parent, weight) {
  return 0;
}

const n = data[0];
const parent = [0, 0].concat(data.slice(1, n)); // index 0 and 1 are unused
const weight = [0, 0].concat(data.slice(n, 2 * n - 1));
console.log(String(treeDiameter(n, parent, weight)));
