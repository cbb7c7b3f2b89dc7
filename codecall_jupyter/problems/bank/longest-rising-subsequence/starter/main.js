const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The length of the longest strictly increasing subsequence of a.
 * @param {number[]} a
 * @returns {number}
 */
function longestRise(a) {
  return 0;
}

const n = data[0];
console.log(String(longestRise(data.slice(1, 1 + n))));
