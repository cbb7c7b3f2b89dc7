import { readFileSync } from 'fs';

// The fewest coins (each value usable any number of times) summing to amount, or -1.
function fewestCoins(coins: number[], amount: number): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [k, amount] = data;
console.log(String(fewestCoins(data.slice(2, 2 + k), amount)));
