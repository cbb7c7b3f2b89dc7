import java.io.*;
import java.util.*;

public class Main {
    // The lexicographically smallest valid order of courses 1..n, or an empty array if none.
    static int[] courseOrder(int n, int[][] rules) {
        return new int[0];
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        in.nextToken();
        int m = Integer.parseInt(in.sval);
        int[][] rules = new int[m][2]; // {a, b}: course a must come before course b
        for (int i = 0; i < m; i++) {
            in.nextToken();
            rules[i][0] = Integer.parseInt(in.sval);
            in.nextToken();
            rules[i][1] = Integer.parseInt(in.sval);
        }
        int[] order = courseOrder(n, rules);
        if (order.length == 0) {
            System.out.println(-1);
        } else {
            long checksum = 0;
            for (int i = 0; i < order.length; i++) checksum = (checksum + (long) (i + 1) * order[i]) % 1_000_000_007L;
            System.out.println(checksum);
        }
    }
}
