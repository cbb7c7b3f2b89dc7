const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * Number of groups of '#' cells connected up, down, left or right.
 * @param {string[]} grid rows of '#' (land) and '.' (water)
 * @returns {number}
 */
function countIslands(grid) {
  return 0;
}

const rows = Number(data[0]);
const grid = data.slice(2, 2 + rows);
console.log(String(countIslands(grid)));
