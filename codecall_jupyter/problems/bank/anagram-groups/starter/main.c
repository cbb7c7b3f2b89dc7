#include <stdio.h>
#include <stdlib.h>

#define MAX_LEN 20

/* Set *count to the number of anagram groups and *largest to the size of the largest one. */
void anagram_groups(char (*words)[MAX_LEN + 1], int n, long long *count, long long *largest) {
    *count = 0;
    *largest = 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    char (*words)[MAX_LEN + 1] = malloc(sizeof *words * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%20s", words[i]);
    long long count, largest;
    anagram_groups(words, n, &count, &largest);
    printf("%lld %lld\n", count, largest);
    free(words);
    return 0;
}
