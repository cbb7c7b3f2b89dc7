const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const MOD = 1000000007;

/**
 * The lexicographically smallest valid order of courses 1..n, or [] if there is none.
 * @param {number} n
 * @param {number[][]} rules pairs [a, b]: course a must come before course b
 * @returns {number[]}
 */
function courseOrder(n, rules) {
  return [];
}

const [n, m] = data;
const rules = [];
for (let i = 0; i < m; i++) rules.push([data[2 + 2 * i], data[3 + 2 * i]]);
const order = courseOrder(n, rules);
if (order.length === 0) {
  console.log('-1');
} else {
  let checksum = 0;
  order.forEach((c, i) => { checksum = (checksum + (i + 1) * c) % MOD; });
  console.log(String(checksum));
}
