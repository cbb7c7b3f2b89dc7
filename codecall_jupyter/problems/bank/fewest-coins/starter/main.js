const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);

/**
 * The fewest coins (each value usable any number of times) summing to amount, or -1.
 * @param {number[]} coins
 * @param {number} amount
 * @returns {number}
 */
function fewestCoins(coins, amount) {
  return 0;
}

const [k, amount] = data;
console.log(String(fewestCoins(data.slice(2, 2 + k), amount)));
