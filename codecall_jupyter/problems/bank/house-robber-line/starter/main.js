const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The largest sum of elements of a with no two of them adjacent.
 * (Totals stay below 2^53, so plain numbers are exact.)
 * @param {number[]} a
 * @returns {number}
 */
function bestHarvest(a) {
  return 0;
}

const n = data[0];
console.log(String(bestHarvest(data.slice(1, 1 + n))));
