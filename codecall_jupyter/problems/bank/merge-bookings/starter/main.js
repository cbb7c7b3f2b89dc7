const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Merge overlapping bookings; return the number of blocks and the total time they cover.
 * @param {number[][]} bookings pairs [l, r]
 * @returns {number[]} [blocks, covered]
 */
function mergeBookings(bookings) {
  return [0, 0];
}

const n = data[0];
const bookings = [];
for (let i = 0; i < n; i++) bookings.push([data[1 + 2 * i], data[2 + 2 * i]]);
const [blocks, covered] = mergeBookings(bookings);
console.log(blocks + ' ' + covered);
