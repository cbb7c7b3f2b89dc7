import { readFileSync } from 'fs';

class VersionedStore {
  // An empty store; set up whatever you need here.
  constructor() {}

  // Record that key took value at time timestamp (a key's timestamps only grow).
  set(key: string, value: number, timestamp: number): void {}

  // The value of key's version with the largest timestamp <= t, or -1 if there is none.
  get(key: string, t: number): number {
    return -1;
  }
}

const tokens: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const q = Number(tokens[0]);
const store = new VersionedStore();
let total = 0;
let pos = 1;
for (let i = 0; i < q; i++) {
  if (tokens[pos] === 'set') {
    store.set(tokens[pos + 1], Number(tokens[pos + 2]), Number(tokens[pos + 3]));
    pos += 4;
  } else {
    total += store.get(tokens[pos + 1], Number(tokens[pos + 2]));
    pos += 3;
  }
}
console.log(String(total));
