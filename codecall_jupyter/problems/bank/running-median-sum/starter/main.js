const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the sum of the lower medians of a[0..i] for every i.
 * @param {number[]} a
 * @returns {number}
 */
function medianSum(a) {
  return 0;
}

const n = data[0];
console.log(String(medianSum(data.slice(1, 1 + n))));
