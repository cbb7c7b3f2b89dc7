const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Count the pairs i < j with a[i] + a[j] === target.
 * @param {number[]} a
 * @param {number} target
 * @returns {number}
 */
function countPairs(a, target) {
  return 0;
}

const [n, target] = data;
console.log(String(countPairs(data.slice(2, 2 + n), target)));
