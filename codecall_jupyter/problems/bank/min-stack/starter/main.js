const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);

class MinStack {
  /** An empty stack; set up whatever you need here. */
  constructor() {}

  /** Put x on top of the stack. @param {number} x */
  push(x) {}

  /** Remove the element on top of the stack. */
  pop() {}

  /** The element on top of the stack. @returns {number} */
  top() {
    return 0;
  }

  /** The smallest element in the stack. @returns {number} */
  getMin() {
    return 0;
  }
}

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
