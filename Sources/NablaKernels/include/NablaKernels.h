#ifndef NABLA_KERNELS_H
#define NABLA_KERNELS_H

/// Loops over many values at once, in C so that they can be compiled for several instruction
/// sets and the widest one the processor has chosen when the program starts (the Swift layers
/// are built for baseline x86-64, two doubles per instruction).

/// y[p] = e^x[p] for p < count, within two units in the last place of the C library's exp.
/// x and y are the same array (exp in place) or do not overlap.
void nabla_lane_exp(const double *x, double *y, long count);

#endif
