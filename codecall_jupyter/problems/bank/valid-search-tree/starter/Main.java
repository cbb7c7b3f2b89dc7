import java.io.*;
import java.util.*;

public class Main {
    // True if the tree rooted at node 1 is a strict binary search tree (0 = no child).
    static boolean isSearchTree(int n, long[] value, int[] left, int[] right) {
        return false;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[] value = new long[n + 1]; // index 0 is unused: nodes are 1..n
        int[] left = new int[n + 1];
        int[] right = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            in.nextToken();
            value[i] = Long.parseLong(in.sval);
            in.nextToken();
            left[i] = Integer.parseInt(in.sval);
            in.nextToken();
            right[i] = Integer.parseInt(in.sval);
        }
        System.out.println(isSearchTree(n, value, left, right) ? "YES" : "NO");
    }
}
