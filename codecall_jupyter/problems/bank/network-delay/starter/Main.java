import java.io.*;
import java.util.*;

public class Main {
    // Time at which every server has heard the alert sent by server 1, or -1 if some never
    // does. links[i] = {u, v, w}: a one-way link from u to v taking w.
    static long networkDelay(int n, long[][] links) {
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
        int m = Integer.parseInt(in.sval);
        long[][] links = new long[m][3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                in.nextToken();
                links[i][j] = Long.parseLong(in.sval);
            }
        }
        System.out.println(networkDelay(n, links));
    }
}
