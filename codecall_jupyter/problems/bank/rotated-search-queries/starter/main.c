#include <stdio.h>
#include <stdlib.h>

/* The sum over the queries of the index of each value in the rotated sorted a (-1 if absent). */
long long sum_of_positions(const long long *a, int n, const long long *queries, int q) {
    return 0;
}

int main(void) {
    int n, q;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    if (scanf("%d", &q) != 1) return 0;
    long long *queries = malloc(sizeof *queries * (size_t)q);
    for (int i = 0; i < q; i++) scanf("%lld", &queries[i]);
    printf("%lld\n", sum_of_positions(a, n, queries, q));
    free(a);
    free(queries);
    return 0;
}
