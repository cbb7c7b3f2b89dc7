const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

class HitCounter {
  /** No hits yet; set up whatever you need here. */
  constructor() {}

  /** A request arrived at second t (t never decreases between calls). @param {number} t */
  hit(t) {}

  /**
   * The number of hits with a time in (t - 300, t].
   * @param {number} t
   * @returns {number}
   */
  count(t) {
    return 0;
  }
}

const q = Number(tokens[0]);
const counter = new HitCounter();
let answer = 0;
for (let i = 0; i < q; i++) {
  const t = Number(tokens[2 + 2 * i]);
  if (tokens[1 + 2 * i] === 'hit') {
    counter.hit(t);
  } else {
    answer += counter.count(t);
  }
}
console.log(String(answer));
