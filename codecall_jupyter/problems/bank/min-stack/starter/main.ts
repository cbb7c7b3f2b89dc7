import { readFileSync } from 'fs';

class MinStack {
  // An empty stack; set up whatever you need here.
  constructor() {}

  // Put x on top of the stack.
  push(x: number): void {}

  // Remove the element on top of the stack.
  pop(): void {}

  // The element on top of the stack.
  top(): number {
    return 0;
  }

  // The smallest element in the stack.
  getMin(): number {
    return 0;
  }
}

const tokens: string[] = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const q = Number(tokens[0]);
const stack = new MinStack();
let minSum = 0;
let topSum = 0;
let pos = 1;
for (let i = 0; i < q; i++) {
  const op = tokens[pos++];
  if (op === 'push') {
    stack.push(Number(tokens[pos++]));
  } else if (op === 'pop') {
    stack.pop();
  } else if (op === 'top') {
    topSum += stack.top();
  } else {
    minSum += stack.getMin();
  }
}
console.log(`${minSum} ${topSum}`);
