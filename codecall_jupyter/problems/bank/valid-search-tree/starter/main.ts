import { readFileSync } from 'fs';

// True if the tree rooted at node 1 is a strict binary search tree (0 = no child).
function isSearchTree(n: number, value: number[], left: number[], right: number[]): boolean {
  return false;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const value: number[] = [0], left: number[] = [0], right: number[] = [0]; // nodes are 1..n
for (let i = 0; i < n; i++) {
  value.push(data[1 + 3 * i]);
  left.push(data[2 + 3 * i]);
  right.push(data[3 + 3 * i]);
}
console.log(isSearchTree(n, value, left, right) ? 'YES' : 'NO');
