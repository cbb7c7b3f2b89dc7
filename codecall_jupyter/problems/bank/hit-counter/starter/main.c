#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int unused; /* Replace with the fields you need. */
} HitCounter;

/* A counter with no hits yet, that will see at most `max_ops` operations. */
HitCounter *counter_create(int max_ops) {
    HitCounter *counter = malloc(sizeof *counter);
    return counter;
}

/* A request arrived at second t (t never decreases between calls). */
void counter_hit(HitCounter *counter, long long t) {
}

/* The number of hits with a time in (t - 300, t]. */
long long counter_count(HitCounter *counter, long long t) {
    return 0;
}

void counter_free(HitCounter *counter) {
    free(counter);
}

int main(void) {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    HitCounter *counter = counter_create(q);
    long long answer = 0;
    char op[8];
    for (int i = 0; i < q; i++) {
        long long t;
        if (scanf("%7s %lld", op, &t) != 2) break;
        if (strcmp(op, "hit") == 0)
            counter_hit(counter, t);
        else
            answer += counter_count(counter, t);
    }
    printf("%lld\n", answer);
    counter_free(counter);
    return 0;
}
