#include <stdio.h>
#include <stdlib.h>

/* Number of groups of '#' cells connected up, down, left or right; grid[r][c] for r < rows, c < cols. */
int count_islands(char **grid, int rows, int cols) {
    return 0;
}

int main(void) {
    int rows, cols;
    if (scanf("%d %d", &rows, &cols) != 2) return 0;
    char **grid = malloc(sizeof *grid * (size_t)rows);
    for (int r = 0; r < rows; r++) {
        grid[r] = malloc((size_t)cols + 1);
        scanf("%s", grid[r]);
    }
    printf("%d\n", count_islands(grid, rows, cols));
    for (int r = 0; r < rows; r++) free(grid[r]);
    free(grid);
    return 0;
}
