package org.darkscope.dq;

/**
 * One cell compared with its reference: occupancy, mean energy and spread, each observed and
 * expected, with z-scores (difference over the combined statistical error), and the verdict.
 *
 * @param cell full cell name, e.g. {@code ecal_main_r2c3}
 */
public record CellCheck(
        String cell,
        double occupancy,
        double refOccupancy,
        double zOccupancy,
        double mean,
        double refMean,
        double zMean,
        double rms,
        double refRms,
        double zRms,
        CellFlag flag) {}
