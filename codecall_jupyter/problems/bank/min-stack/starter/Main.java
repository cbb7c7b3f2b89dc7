import java.io.*;
import java.util.*;

public class Main {
    static class MinStack {
        // Put x on top of the stack.
        void push(long x) {
        }

        // Remove the element on top of the stack.
        void pop() {
        }

        // The element on top of the stack.
        long top() {
            return 0;
        }

        // The smallest element in the stack.
        long getMin() {
            return 0;
        }
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        MinStack stack = new MinStack();
        long minSum = 0, topSum = 0;
        for (int i = 0; i < q; i++) {
            in.nextToken();
            String op = in.sval;
            if (op.equals("push")) {
                in.nextToken();
                stack.push(Long.parseLong(in.sval));
            } else if (op.equals("pop")) {
                stack.pop();
            } else if (op.equals("top")) {
                topSum += stack.top();
            } else {
                minSum += stack.getMin();
            }
        }
        System.out.println(minSum + " " + topSum);
    }
}
