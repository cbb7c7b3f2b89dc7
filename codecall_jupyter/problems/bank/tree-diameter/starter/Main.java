import java.io.*;
import java.util.*;

public class Main {
    // Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2).
    static long treeDiameter(int n, int[] parent, long[] weight) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        int[] parent = new int[n + 1]; // index 0 and 1 are unused
        long[] weight = new long[n + 1];
        for (int v = 2; v <= n; v++) {
            in.nextToken();
            parent[v] = Integer.parseInt(in.sval);
        }
        for (int v = 2; v <= n; v++) {
            in.nextToken();
            weight[v] = Long.parseLong(in.sval);
        }
        System.out.println(treeDiameter(n, parent, weight));
    }
}
