const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * True if the tree rooted at node 1 is a strict binary search tree.
 * @param {number} n
 * @param {number[]} value value[i] is the value of node i (1 <= i <= n)
 * @param {number[]} left left[i] is the left child of node i, 0 if none
 * @param {number[]} right right[i] is the right child of node i, 0 if none
 * @returns {boolean}
 */
function isSearchTree(n, value, left, right) {
  return false;
}

const n = data[0];
const value = [0], left = [0], right = [0]; // index 0 is unused: nodes are 1..n
for (let i = 0; i < n; i++) {
  value.push(data[1 + 3 * i]);
  left.push(data[2 + 3 * i]);
  right.push(data[3 + 3 * i]);
}
console.log(isSearchTree(n, value, left, right) ? 'YES' : 'NO');
