import java.io.*;
import java.util.*;

public class Main {
    // Count the runs of consecutive elements of a (non-empty) that sum to exactly k.
    static long countRuns(long[] a, long k) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        in.nextToken();
        long k = Long.parseLong(in.sval);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            a[i] = Long.parseLong(in.sval);
        }
        System.out.println(countRuns(a, k));
    }
}
