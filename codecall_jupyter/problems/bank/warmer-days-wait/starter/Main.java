import java.io.*;
import java.util.*;

public class Main {
    // Return the sum over all days of the days until a strictly warmer one (0 if never).
    static long totalWait(long[] t) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            t[i] = Long.parseLong(in.sval);
        }
        System.out.println(totalWait(t));
    }
}
