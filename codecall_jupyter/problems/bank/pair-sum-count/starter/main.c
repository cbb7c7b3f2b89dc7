#include <stdio.h>
#include <stdlib.h>

/* Count the pairs i < j with a[i] + a[j] == target. */
long long count_pairs(const long long *a, int n, long long target) {
    return 0;
}

int main(void) {
    int n;
    long long target;
    if (scanf("%d %lld", &n, &target) != 2) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", count_pairs(a, n, target));
    free(a);
    return 0;
}
