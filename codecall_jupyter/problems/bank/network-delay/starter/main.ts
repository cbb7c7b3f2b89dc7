import { readFileSync } from 'fs';

// Time at which every server has heard the alert sent by server 1, or -1 if some never does.
// Times stay below 2^53, so a number holds them exactly.
function networkDelay(n: number, links: [number, number, number][]): number {
  return 0;
}

const data: number[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
const [n, m] = data;
const links: [number, number, number][] = []; // [u, v, w]: a one-way link from u to v taking w
for (let i = 0; i < m; i++) links.push([data[2 + 3 * i], data[3 + 3 * i], data[4 + 3 * i]]);
console.log(String(networkDelay(n, links)));
