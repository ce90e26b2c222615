package org.darkscope.analysis.limits;

/**
 * A Feldman-Cousins confidence interval [lower, upper] on the number of signal events.
 *
 * @param lower    lower end (0 for an upper limit)
 * @param upper    upper end
 * @param adjusted true if the published tables' belt adjustment was applied
 */
public record FcInterval(double lower, double upper, boolean adjusted) {}
