const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
 * @param {string[]} grid rows of '.', '#', 'S' and 'E'
 * @returns {number}
 */
function shortestPath(grid) {
  return 0;
}

const rows = Number(data[0]);
const grid = data.slice(2, 2 + rows);
console.log(String(shortestPath(grid)));
