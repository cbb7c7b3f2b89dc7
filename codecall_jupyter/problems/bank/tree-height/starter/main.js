const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Number of nodes on the longest root-to-leaf path (the root is node 1).
 * @param {number} n
 * @param {number[]} parent parent[v] is the parent of node v (2 <= v <= n)
 * @returns {number}
 */
function treeHeight(n, parent) {
  return 0;
}

const n = data[0];
const parent = [0, 0].concat(data.slice(1, n)); // parent[0] and parent[1] are unused
console.log(String(treeHeight(n, parent)));
