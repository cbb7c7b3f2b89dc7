import java.io.*;
import java.util.*;

public class Main {
    // Return the minimum number of rooms that hosts every meeting [s, e).
    // meetings[i] = {s, e}.
    static int roomsNeeded(long[][] meetings) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[][] meetings = new long[n][2];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            meetings[i][0] = Long.parseLong(in.sval);
            in.nextToken();
            meetings[i][1] = Long.parseLong(in.sval);
        }
        System.out.println(roomsNeeded(meetings));
    }
}
