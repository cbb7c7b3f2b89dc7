import java.io.*;
import java.util.*;

public class Main {
    static class VersionedStore {
        // Record that key took value at time timestamp (a key's timestamps only grow).
        void set(String key, long value, long timestamp) {
        }

        // The value of key's version with the largest timestamp <= t, or -1 if there is none.
        long get(String key, long t) {
            return -1;
        }
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        VersionedStore store = new VersionedStore();
        long total = 0;
        for (int i = 0; i < q; i++) {
            in.nextToken();
            String op = in.sval;
            in.nextToken();
            String key = in.sval;
            if (op.equals("set")) {
                in.nextToken();
                long value = Long.parseLong(in.sval);
                in.nextToken();
                store.set(key, value, Long.parseLong(in.sval));
            } else {
                in.nextToken();
                total += store.get(key, Long.parseLong(in.sval));
            }
        }
        System.out.println(total);
    }
}
