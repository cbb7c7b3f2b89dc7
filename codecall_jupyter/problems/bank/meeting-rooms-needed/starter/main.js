const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the minimum number of rooms that hosts every meeting [s, e).
 * @param {number[][]} meetings pairs [s, e]
 * @returns {number}
 */
function roomsNeeded(meetings) {
  return 0;
}

const n = data[0];
const meetings = [];
for (let i = 0; i < n; i++) meetings.push([data[1 + 2 * i], data[2 + 2 * i]]);
console.log(String(roomsNeeded(meetings)));
