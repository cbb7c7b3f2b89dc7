import java.io.*;
import java.util.*;

public class Main {
    // Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j.
    static long widestReservoir(long[] h) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[] h = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            h[i] = Long.parseLong(in.sval);
        }
        System.out.println(widestReservoir(h));
    }
}
