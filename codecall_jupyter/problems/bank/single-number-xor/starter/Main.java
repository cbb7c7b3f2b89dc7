import java.io.*;
import java.util.*;

public class Main {
    // The two values that appear once in a (every other value appears twice), smaller first.
    static long[] lonelyPair(long[] a) {
        return new long[] {0, 0};
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
        long[] pair = lonelyPair(a);
        System.out.println(pair[0] + " " + pair[1]);
    }
}
