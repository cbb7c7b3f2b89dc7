import java.io.*;
import java.util.*;

public class Main {
    // Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (2 <= v <= n).
    static int treeHeight(int n, int[] parent) {
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
        System.out.println(treeHeight(n, parent));
    }
}
