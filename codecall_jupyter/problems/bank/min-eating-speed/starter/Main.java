import java.io.*;
import java.util.*;

public class Main {
    // The smallest pace k with sum of ceil(p / k) over all documents at most h.
    static long slowestPace(long[] pages, long h) {
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
        long h = Long.parseLong(in.sval);
        long[] pages = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            pages[i] = Long.parseLong(in.sval);
        }
        System.out.println(slowestPace(pages, h));
    }
}
