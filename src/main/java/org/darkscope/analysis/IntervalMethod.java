package org.darkscope.analysis;

/** Binomial confidence interval for an efficiency (docs/physics.md#statistics: binomial, not √n). */
public enum IntervalMethod {
    CLOPPER_PEARSON,
    WILSON
}
