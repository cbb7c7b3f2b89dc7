const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
 * @param {number[]} a
 * @param {number} k
 * @returns {number}
 */
function countRuns(a, k) {
  return 0;
}

const [n, k] = data;
console.log(String(countRuns(data.slice(2, 2 + n), k)));
