const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the sum over all days of the days until a strictly warmer one (0 if never).
 * @param {number[]} t
 * @returns {number}
 */
function totalWait(t) {
  return 0;
}

const n = data[0];
console.log(String(totalWait(data.slice(1, 1 + n))));
