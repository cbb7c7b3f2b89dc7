const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

class VersionedStore {
  /** An empty store; set up whatever you need here. */
  constructor() {}

  /**
   * Record that key took value at time timestamp (a key's timestamps only grow).
   * @param {string} key
   * @param {number} value
   * @param {number} timestamp
   */
  set(key, value, timestamp) {}

  /**
   * The value of key's version with the largest timestamp <= t, or -1 if there is none.
   * @param {string} key
   * @param {number} t
   * @returns {number}
   */
  get(key, t) {
    return -1;
  }
}

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
