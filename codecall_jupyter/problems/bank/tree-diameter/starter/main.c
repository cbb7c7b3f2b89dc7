#include <stdio.h>
#include <stdlib.h>

/* Largest distance between two nodes; the edge v-parent[v] has length weight[v] (v >= 2). */
long long tree_diameter(int n, const int *parent, const long long *weight) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    int *parent = calloc((size_t)n + 1, sizeof *parent); /* index 0 and 1 are unused */
    long long *weight = calloc((size_t)n + 1, sizeof *weight);
    for (int v = 2; v <= n; v++) scanf("%d", &parent[v]);
    for (int v = 2; v <= n; v++) scanf("%lld", &weight[v]);
    printf("%lld\n", tree_diameter(n, parent, weight));
    free(parent);
    free(weight);
    return 0;
}
