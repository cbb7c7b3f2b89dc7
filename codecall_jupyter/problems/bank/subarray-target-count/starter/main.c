#include <stdio.h>
#include <stdlib.h>

/* Count the runs of consecutive elements of a (non-empty) that sum to exactly k. */
long long count_runs(const long long *a, int n, long long k) {
    return 0;
}

int main(void) {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", count_runs(a, n, k));
    free(a);
    return 0;
}
