const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * Time at which every server has heard the alert sent by server 1, or -1 if some never does.
 * Times fit in a double exactly: they stay below 2^53.
 * @param {number} n
 * @param {number[][]} links triples [u, v, w]: a one-way link from u to v taking w
 * @returns {number}
 */
function networkDelay(n, links) {
  return 0;
}

const [n, m] = data;
const links = [];
for (let i = 0; i < m; i++) links.push([data[2 + 3 * i], data[3 + 3 * i], data[4 + 3 * i]]);
console.log(String(networkDelay(n, links)));
