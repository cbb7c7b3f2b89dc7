#include <stdio.h>
#include <stdlib.h>

/* The largest sum of elements of a with no two of them adjacent. */
long long best_harvest(const long long *a, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", best_harvest(a, n));
    free(a);
    return 0;
}
