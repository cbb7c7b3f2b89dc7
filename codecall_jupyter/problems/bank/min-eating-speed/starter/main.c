#include <stdio.h>
#include <stdlib.h>

/* The smallest pace k with sum of ceil(p / k) over all documents at most h. */
long long slowest_pace(const long long *pages, int n, long long h) {
    return 0;
}

int main(void) {
    int n;
    long long h;
    if (scanf("%d %lld", &n, &h) != 2) return 0;
    long long *pages = malloc(sizeof *pages * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &pages[i]);
    printf("%lld\n", slowest_pace(pages, n, h));
    free(pages);
    return 0;
}
