const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * Return true if every bracket in s is closed by its own type, properly nested.
 * @param {string} s
 * @returns {boolean}
 */
function isBalanced(s) {
  return false;
}

const s = data[1] || '';
console.log(isBalanced(s) ? 'YES' : 'NO');
