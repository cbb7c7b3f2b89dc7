import java.io.*;

public class Main {
    // The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1000000007.
    static long countWays(int n) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(in.readLine().trim());
        System.out.println(countWays(n));
    }
}
