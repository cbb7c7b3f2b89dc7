#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* True if the tree rooted at node 1 is a strict binary search tree (0 = no child). */
bool is_search_tree(int n, const long long *value, const int *left, const int *right) {
    return false;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *value = calloc((size_t)n + 1, sizeof *value); /* index 0 unused: nodes 1..n */
    int *left = calloc((size_t)n + 1, sizeof *left);
    int *right = calloc((size_t)n + 1, sizeof *right);
    for (int i = 1; i <= n; i++) scanf("%lld %d %d", &value[i], &left[i], &right[i]);
    puts(is_search_tree(n, value, left, right) ? "YES" : "NO");
    free(value);
    free(left);
    free(right);
    return 0;
}
