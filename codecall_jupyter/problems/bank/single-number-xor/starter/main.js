const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The two values that appear once in a (every other value appears twice), smaller first.
 * @param {number[]} a
 * @returns {number[]} [smaller, larger]
 */
function lonelyPair(a) {
  return [0, 0];
}

const n = data[0];
const [x, y] = lonelyPair(data.slice(1, 1 + n));
console.log(`${x} ${y}`);
