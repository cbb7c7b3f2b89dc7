const [s, t] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * The fewest single-letter insertions, deletions and replacements that turn s into t.
 * @param {string} s
 * @param {string} t
 * @returns {number}
 */
function editDistance(s, t) {
  return 0;
}

console.log(String(editDistance(s, t)));
