const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
 * @param {number[]} a
 * @param {number[]} queries
 * @returns {number}
 */
function sumOfPositions(a, queries) {
  return 0;
}

const n = data[0];
const a = data.slice(1, 1 + n);
const q = data[1 + n];
const queries = data.slice(2 + n, 2 + n + q);
console.log(String(sumOfPositions(a, queries)));
