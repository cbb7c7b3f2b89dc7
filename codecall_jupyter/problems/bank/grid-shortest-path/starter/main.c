#include <stdio.h>
#include <stdlib.h>

/* Fewest up/down/left/right steps from 'S' to 'E' avoiding '#', or -1 if unreachable. */
int shortest_path(char **grid, int rows, int cols) {
    return 0;
}

int main(void) {
    int rows, cols;
    if (scanf("%d %d", &rows, &cols) != 2) return 0;
    char **grid = malloc(sizeof *grid * (size_t)rows); /* rows of '.', '#', 'S' and 'E' */
    for (int r = 0; r < rows; r++) {
        grid[r] = malloc((size_t)cols + 1);
        scanf("%s", grid[r]);
    }
    printf("%d\n", shortest_path(grid, rows, cols));
    for (int r = 0; r < rows; r++) free(grid[r]);
    free(grid);
    return 0;
}
