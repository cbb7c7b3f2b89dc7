const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
 * @param {number[]} h
 * @returns {number}
 */
function widestReservoir(h) {
  return 0;
}

const n = data[0];
console.log(String(widestReservoir(data.slice(1, 1 + n))));
