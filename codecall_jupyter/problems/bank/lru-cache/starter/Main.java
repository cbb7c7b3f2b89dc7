import java.io.*;
import java.util.*;

public class Main {
    static class LRUCache {
        private final int capacity;

        // Holds at most `capacity` keys; set up whatever you need here.
        LRUCache(int capacity) {
            this.capacity = capacity;
        }

        // The value under key (key becomes the most recently used), or -1 if it is absent.
        int get(int key) {
            return -1;
        }

        // Store value under key (now the most recently used); evict the least recently
        // used key when the cache holds more than `capacity` keys.
        void put(int key, int value) {
        }
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int capacity = Integer.parseInt(in.sval);
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        LRUCache cache = new LRUCache(capacity);
        long total = 0;
        for (int i = 0; i < q; i++) {
            in.nextToken();
            String op = in.sval;
            in.nextToken();
            int key = Integer.parseInt(in.sval);
            if (op.equals("put")) {
                in.nextToken();
                cache.put(key, Integer.parseInt(in.sval));
            } else {
                total += cache.get(key);
            }
        }
        System.out.println(total);
    }
}
