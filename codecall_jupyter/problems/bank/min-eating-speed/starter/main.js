const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The smallest pace k with sum of ceil(p / k) over all documents at most h.
 * @param {number[]} pages
 * @param {number} h
 * @returns {number}
 */
function slowestPace(pages, h) {
  return 0;
}

const [n, h] = data;
console.log(String(slowestPace(data.slice(2, 2 + n), h)));
