import { readFileSync } from 'fs';

// Return [number of anagram groups, size of the largest group].
function anagramGroups(words: string[]): [number, number] {
  return [0, 0];
}

const data: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const [count, largest] = anagramGroups(data.slice(1, 1 + n));
console.log(`${count} ${largest}`);
