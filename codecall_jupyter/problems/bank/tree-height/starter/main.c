#include <stdio.h>
#include <stdlib.h>

/* Number of nodes on the longest root-to-leaf path; parent[v] is v's parent (2 <= v <= n). */
int tree_height(int n, const int *parent) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    int *parent = calloc((size_t)n + 1, sizeof *parent); /* parent[0], parent[1] unused */
    for (int v = 2; v <= n; v++) scanf("%d", &parent[v]);
    printf("%d\n", tree_height(n, parent));
    free(parent);
    return 0;
}
