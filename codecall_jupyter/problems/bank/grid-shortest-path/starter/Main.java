import java.io.*;
import java.util.*;

public class Main {
    // Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable.
    static int shortestPath(char[][] grid) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int rows = Integer.parseInt(first.nextToken());
        char[][] grid = new char[rows][]; // rows of '.', '#', 'S' and 'E'
        for (int r = 0; r < rows; r++) grid[r] = in.readLine().trim().toCharArray();
        System.out.println(shortestPath(grid));
    }
}
