import { readFileSync } from 'fs';

// Return true if every bracket in s is closed by its own type, properly nested.
function isBalanced(s: string): boolean {
  return false;
}

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const s: string = data[1] || '';
console.log(isBalanced(s) ? 'YES' : 'NO');
