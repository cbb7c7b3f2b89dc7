#include <stdio.h>
#include <stdlib.h>

/* Return the length of the longest run v, v+1, ..., v+L-1 of values all present in a. */
int longest_run(const long long *a, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%d\n", longest_run(a, n));
    free(a);
    return 0;
}
