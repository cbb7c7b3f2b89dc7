const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the largest sum of a non-empty run of consecutive elements of a.
 * @param {number[]} a
 * @returns {number}
 */
function maxSubarraySum(a) {
  return 0;
}

const n = data[0];
console.log(String(maxSubarraySum(data.slice(1, 1 + n))));
