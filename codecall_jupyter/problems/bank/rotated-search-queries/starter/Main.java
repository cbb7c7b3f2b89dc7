import java.io.*;
import java.util.*;

public class Main {
    // The sum over the queries of the index of each value in the rotated sorted a (-1 if absent).
    static long sumOfPositions(long[] a, long[] queries) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            a[i] = Long.parseLong(in.sval);
        }
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        long[] queries = new long[q];
        for (int i = 0; i < q; i++) {
            in.nextToken();
            queries[i] = Long.parseLong(in.sval);
        }
        System.out.println(sumOfPositions(a, queries));
    }
}
