import java.io.*;
import java.util.*;

public class Main {
    // The fewest coins (each value usable any number of times) summing to amount, or -1.
    static int fewestCoins(int[] coins, int amount) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int k = Integer.parseInt(in.sval);
        in.nextToken();
        int amount = Integer.parseInt(in.sval);
        int[] coins = new int[k];
        for (int i = 0; i < k; i++) {
            in.nextToken();
            coins[i] = Integer.parseInt(in.sval);
        }
        System.out.println(fewestCoins(coins, amount));
    }
}
