import { readFileSync } from 'fs';

class LRUCache {
  capacity: number;

  // Holds at most `capacity` keys; set up whatever you need here.
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  // The value under key (key becomes the most recently used), or -1 if it is absent.
  get(key: number): number {
    return -1;
  }

  // Store value under key (now the most recently used); evict the least recently used
  // key when the cache holds more than `capacity` keys.
  put(key: number, value: number): void {}
}

const tokens: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const capacity = Number(tokens[0]);
const q = Number(tokens[1]);
const cache = new LRUCache(capacity);
let total = 0;
let pos = 2;
for (let i = 0; i < q; i++) {
  if (tokens[pos] === 'put') {
    cache.put(Number(tokens[pos + 1]), Number(tokens[pos + 2]));
    pos += 3;
  } else {
    total += cache.get(Number(tokens[pos + 1]));
    pos += 2;
  }
}
console.log(String(total));
