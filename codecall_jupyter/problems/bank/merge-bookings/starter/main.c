#include <stdio.h>
#include <stdlib.h>

typedef struct {
    long long blocks;
    long long covered;
} Result;

/* Merge overlapping bookings; return the number of blocks and the total time they cover. */
Result merge_bookings(const long long *l, const long long *r, int n) {
    Result result = {0, 0};
    return result;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *l = malloc(sizeof *l * (size_t)n);
    long long *r = malloc(sizeof *r * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld %lld", &l[i], &r[i]);
    Result result = merge_bookings(l, r, n);
    printf("%lld %lld\n", result.blocks, result.covered);
    free(l);
    free(r);
    return 0;
}
