const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the largest area of a rectangle standing on the ground under the skyline h.
 * @param {number[]} h
 * @returns {number}
 */
function largestRectangle(h) {
  return 0;
}

const n = data[0];
console.log(String(largestRectangle(data.slice(1, 1 + n))));
