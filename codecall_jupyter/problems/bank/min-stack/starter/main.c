#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int unused; /* Replace with the fields you need. */
} MinStack;

/* An empty stack that will see at most `max_size` elements at once. */
MinStack *stack_create(int max_size) {
    MinStack *stack = malloc(sizeof *stack);
    return stack;
}

/* Put x on top of the stack. */
void stack_push(MinStack *stack, long long x) {
}

/* Remove the element on top of the stack. */
void stack_pop(MinStack *stack) {
}

/* The element on top of the stack. */
long long stack_top(MinStack *stack) {
    return 0;
}

/* The smallest element in the stack. */
long long stack_min(MinStack *stack) {
    return 0;
}

void stack_free(MinStack *stack) {
    free(stack);
}

int main(void) {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    MinStack *stack = stack_create(q);
    long long min_sum = 0, top_sum = 0;
    char op[8];
    for (int i = 0; i < q; i++) {
        if (scanf("%7s", op) != 1) break;
        if (strcmp(op, "push") == 0) {
            long long x;
            if (scanf("%lld", &x) != 1) break;
            stack_push(stack, x);
        } else if (strcmp(op, "pop") == 0) {
            stack_pop(stack);
        } else if (strcmp(op, "top") == 0) {
            top_sum += stack_top(stack);
        } else {
            min_sum += stack_min(stack);
        }
    }
    printf("%lld %lld\n", min_sum, top_sum);
    stack_free(stack);
    return 0;
}
