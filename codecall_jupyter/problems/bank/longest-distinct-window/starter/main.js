const s = require('fs').readFileSync(0, 'utf8').trim();

/**
 * Return the length of the longest substring of s with no repeated character.
 * @param {string} s
 * @returns {number}
 */
function longestDistinct(s) {
  return 0;
}

console.log(String(longestDistinct(s)));
