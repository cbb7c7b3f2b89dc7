import { readFileSync } from 'fs';

class HitCounter {
  // No hits yet; set up whatever you need here.
  constructor() {}

  // A request arrived at second t (t never decreases between calls).
  hit(t: number): void {}

  // The number of hits with a time in (t - 300, t].
  count(t: number): number {
    return 0;
  }
}

const tokens: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
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
