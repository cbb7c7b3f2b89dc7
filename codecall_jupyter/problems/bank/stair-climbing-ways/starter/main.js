const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1_000_000_007.
 * @param {number} n
 * @returns {number}
 */
function countWays(n) {
  return 0;
}

const [n] = data;
console.log(String(countWays(n)));
