const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

/**
 * Return [number of anagram groups, size of the largest group].
 * @param {string[]} words
 * @returns {[number, number]}
 */
function anagramGroups(words) {
  return [0, 0];
}

const n = Number(data[0]);
const [count, largest] = anagramGroups(data.slice(1, 1 + n));
console.log(`${count} ${largest}`);
