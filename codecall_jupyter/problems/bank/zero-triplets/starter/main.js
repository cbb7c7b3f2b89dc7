const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Count the different value trios x <= y <= z, from three positions of a, with x + y + z === 0.
 * @param {number[]} a
 * @returns {number}
 */
function zeroTriplets(a) {
  return 0;
}

const n = data[0];
console.log(String(zeroTriplets(data.slice(1, 1 + n))));
