import java.io.*;

public class Main {
    // Return true if every bracket in s is closed by its own type, properly nested.
    static boolean isBalanced(String s) {
        return false;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        in.readLine();
        String s = in.readLine();
        s = s == null ? "" : s.trim();
        System.out.println(isBalanced(s) ? "YES" : "NO");
    }
}
