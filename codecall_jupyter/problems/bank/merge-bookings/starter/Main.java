import java.io.*;
import java.util.*;

public class Main {
    // Merge overlapping bookings; return the number of blocks and the total time they cover.
    // bookings[i] = {l, r}; return {blocks, covered}.
    static long[] mergeBookings(long[][] bookings) {
        return new long[] {0, 0};
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[][] bookings = new long[n][2];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            bookings[i][0] = Long.parseLong(in.sval);
            in.nextToken();
            bookings[i][1] = Long.parseLong(in.sval);
        }
        long[] result = mergeBookings(bookings);
        System.out.println(result[0] + " " + result[1]);
    }
}
