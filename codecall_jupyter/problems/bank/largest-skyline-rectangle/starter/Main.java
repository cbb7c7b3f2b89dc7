import java.io.*;
import java.util.*;

public class Main {
    // Return the largest area of a rectangle standing on the ground under the skyline h.
    static long largestRectangle(long[] h) {
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
        System.out.println(largestRectangle(h));
    }
}
