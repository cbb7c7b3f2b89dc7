import java.io.*;
import java.util.*;

public class Main {
    // Number of groups of '#' cells connected up, down, left or right.
    static int countIslands(char[][] grid) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer first = new StringTokenizer(in.readLine());
        int rows = Integer.parseInt(first.nextToken());
        char[][] grid = new char[rows][]; // rows of '#' (land) and '.' (water)
        for (int r = 0; r < rows; r++) grid[r] = in.readLine().trim().toCharArray();
        System.out.println(countIslands(grid));
    }
}
