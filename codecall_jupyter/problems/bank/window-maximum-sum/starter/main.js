const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the sum of the maxima of all windows of k consecutive values of a.
 * @param {number[]} a
 * @param {number} k
 * @returns {number}
 */
function windowMaxSum(a, k) {
  return 0;
}

const [n, k] = data;
console.log(String(windowMaxSum(data.slice(2, 2 + n), k)));
