import java.io.*;
import java.util.*;

public class Main {
    // Sum over the queries {u, v} of the lowest common ancestor; parent[v] is v's parent.
    static long lcaSum(int n, int[] parent, int[][] queries) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        int[] parent = new int[n + 1]; // parent[0] and parent[1] are unused
        for (int v = 2; v <= n; v++) {
            in.nextToken();
            parent[v] = Integer.parseInt(in.sval);
        }
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        int[][] queries = new int[q][2];
        for (int i = 0; i < q; i++) {
            in.nextToken();
            queries[i][0] = Integer.parseInt(in.sval);
            in.nextToken();
            queries[i][1] = Integer.parseInt(in.sval);
        }
        System.out.println(lcaSum(n, parent, queries));
    }
}
