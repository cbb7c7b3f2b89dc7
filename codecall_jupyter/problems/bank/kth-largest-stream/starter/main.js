const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the sum, over arrivals k..n, of the k-th largest score received so far.
 * @param {number[]} a
 * @param {number} k
 * @returns {number}
 */
function thresholdSum(a, k) {
  return 0;
}

const [n, k] = data;
console.log(String(thresholdSum(data.slice(2, 2 + n), k)));
