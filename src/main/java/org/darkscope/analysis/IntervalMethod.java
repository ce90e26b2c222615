package org.darkscope.analysis;

/** Binomial confidence interval for an efficiency (physics.md section 5: binomial, not √n). */
public enum IntervalMethod {
    CLOPPER_PEARSON, WILSON
}
