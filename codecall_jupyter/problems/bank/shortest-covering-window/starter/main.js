const [s, t] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * Return the length of the shortest substring of s holding every character of t
 * (with multiplicity), or 0 if there is none.
 * @param {string} s
 * @param {string} t
 * @returns {number}
 */
function shortestCover(s, t) {
  return 0;
}

console.log(String(shortestCover(s, t)));
