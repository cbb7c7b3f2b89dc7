const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a.
 * @param {number[]} a
 * @returns {number}
 */
function longestRun(a) {
  return 0;
}

const n = data[0];
console.log(String(longestRun(data.slice(1, 1 + n))));
