const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

class LRUCache {
  /** Holds at most `capacity` keys; set up whatever you need here. @param {number} capacity */
  constructor(capacity) {
    this.capacity = capacity;
  }

  /**
   * The value under key (key becomes the most recently used), or -1 if it is absent.
   * @param {number} key
   * @returns {number}
   */
  get(key) {
    return -1;
  }

  /**
   * Store value under key (now the most recently used); evict the least recently used
   * key when the cache holds more than `capacity` keys.
   * @param {number} key
   * @param {number} value
   */
  put(key, value) {}
}

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
